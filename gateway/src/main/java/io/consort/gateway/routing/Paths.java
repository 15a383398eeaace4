package io.consort.gateway.routing;

import java.util.Locale;

/** Checks on the raw request path made before routing. */
public final class Paths {

    private Paths() {
    }

    /**
     * True when the path has a {@code .} or {@code ..} segment, plain or percent-encoded. Routing looks at the
     * raw path and the upstream resolves dot segments afterwards, so {@code /api/v1/programs/../admin/rebuild}
     * would pick one route and reach another path; such requests are refused instead.
     */
    public static boolean hasDotSegment(String rawPath) {
        for (String segment : rawPath.split("/", -1)) {
            String s = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (s.equals(".") || s.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
