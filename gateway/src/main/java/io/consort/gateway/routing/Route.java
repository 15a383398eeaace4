package io.consort.gateway.routing;

/**
 * One row of the routing table: requests whose path starts with {@code prefix} go to {@code upstream}, where the
 * prefix stands for {@code upstreamPrefix}. For the services' own prefixes the two are the same (no rewriting);
 * they differ only for a service's exposed admin path ({@code /api/v1/admin/community/rebuild} at the gateway is
 * community's {@code /api/v1/admin/rebuild}), since every service has its admin endpoints under the same path.
 */
public record Route(String prefix, Upstream upstream, String upstreamPrefix) {

    public Route(String prefix, Upstream upstream) {
        this(prefix, upstream, prefix);
    }

    /** Whole-segment match: {@code /api/v1/partners} takes {@code /api/v1/partners/7} but not {@code /api/v1/partners-x}. */
    boolean matches(String path) {
        return startsWithSegments(path, prefix);
    }

    /** Whether the gateway path differs from the service's. */
    public boolean rewrites() {
        return !prefix.equals(upstreamPrefix);
    }

    /** The path the upstream is asked for, for a gateway path this route matches. */
    public String upstreamPath(String path) {
        return rewrites() ? upstreamPrefix + path.substring(prefix.length()) : path;
    }

    /** The gateway path of a path of the upstream's, if this route reaches it. */
    public java.util.Optional<String> gatewayPath(String upstreamPath) {
        return startsWithSegments(upstreamPath, upstreamPrefix)
                ? java.util.Optional.of(prefix + upstreamPath.substring(upstreamPrefix.length()))
                : java.util.Optional.empty();
    }

    static boolean startsWithSegments(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
