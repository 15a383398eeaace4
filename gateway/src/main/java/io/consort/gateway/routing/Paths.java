package io.consort.gateway.routing;

/** Checks on the raw request path made before routing. */
public final class Paths {

    private Paths() {
    }

    /**
     * True when the path has a {@code .} or {@code ..} segment, plain or percent-encoded. Routing looks at the
     * raw path and the upstream resolves dot segments afterwards, so {@code /api/v1/programs/../admin/rebuild}
     * would pick one route and reach another path; such requests are refused instead. Runs on every request, so
     * it scans the path in place rather than splitting and lower-casing it.
     */
    public static boolean hasDotSegment(String rawPath) {
        int length = rawPath.length();
        int start = 0;
        while (start <= length) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (isDotSegment(rawPath, start, end)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Whether {@code path[start, end)} is {@code .} or {@code ..}, each dot plain or as {@code %2e}/{@code %2E}. */
    private static boolean isDotSegment(String path, int start, int end) {
        int dots = 0;
        int i = start;
        while (i < end) {
            if (path.charAt(i) == '.') {
                i++;
            } else if (i + 3 <= end && path.regionMatches(true, i, "%2e", 0, 3)) {
                i += 3;
            } else {
                return false;
            }
            if (++dots > 2) {
                return false;
            }
        }
        return dots > 0;
    }
}
