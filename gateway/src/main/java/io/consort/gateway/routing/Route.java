package io.consort.gateway.routing;

/** One row of the routing table: requests whose path starts with {@code prefix} go to {@code upstream}. */
public record Route(String prefix, Upstream upstream) {

    /** Whole-segment match: {@code /api/v1/partners} takes {@code /api/v1/partners/7} but not {@code /api/v1/partners-x}. */
    boolean matches(String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
