package io.consort.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prefix to upstream, longest prefix first. Built once from configuration and immutable, so a lookup
 * is a scan of a couple of dozen strings with no locking. Besides its own prefixes, a service may expose some of
 * its admin paths ({@code /api/v1/admin/rebuild}): each is reached at {@code /api/v1/admin/<service>/rebuild} and
 * rewritten, since every service has its admin endpoints under the same {@code /api/v1/admin}.
 */
public final class RoutingTable {

    private final List<Route> routes;
    private final Map<String, Upstream> upstreams;

    private RoutingTable(List<Route> routes, Map<String, Upstream> upstreams) {
        this.routes = routes;
        this.upstreams = upstreams;
    }

    /**
     * @param prefixesByUpstream upstream name to its prefixes
     * @param urlsByUpstream upstream name to its base URL
     * @throws IllegalArgumentException on a malformed URL or prefix, or a prefix claimed twice; the gateway
     *     refuses to start rather than route some paths unpredictably
     */
    public static RoutingTable of(Map<String, List<String>> prefixesByUpstream, Map<String, String> urlsByUpstream) {
        return of(prefixesByUpstream, urlsByUpstream, Map.of());
    }

    /** The services' admin paths live under this prefix in every service, and under this prefix plus the service's name here. */
    public static final String ADMIN = "/api/v1/admin";

    /**
     * @param adminPathsByUpstream upstream name to the admin paths ({@code /api/v1/admin/...}) it exposes through the gateway,
     *     each at {@code /api/v1/admin/<name>/...}
     */
    public static RoutingTable of(Map<String, List<String>> prefixesByUpstream, Map<String, String> urlsByUpstream,
            Map<String, List<String>> adminPathsByUpstream) {
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        List<Route> routes = new ArrayList<>();
        for (var entry : prefixesByUpstream.entrySet()) {
            String name = entry.getKey();
            String url = urlsByUpstream.get(name);
            if (url == null) {
                throw new IllegalArgumentException("upstream " + name + " has prefixes but no url");
            }
            Upstream upstream = Upstream.parse(name, url);
            upstreams.put(name, upstream);
            for (String raw : entry.getValue()) {
                String prefix = normalisePrefix(name, raw);
                String previous = owner.putIfAbsent(prefix, name);
                if (previous != null) {
                    throw new IllegalArgumentException("prefix " + prefix + " is claimed by both " + previous + " and " + name);
                }
                routes.add(new Route(prefix, upstream));
            }
        }
        for (var entry : adminPathsByUpstream.entrySet()) {
            String name = entry.getKey();
            Upstream upstream = upstreams.get(name);
            if (upstream == null) {
                throw new IllegalArgumentException("upstream " + name + " has admin paths but no prefixes and url");
            }
            if (!name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("upstream " + name + ": a name with admin paths must be a lower-case path segment");
            }
            for (String raw : entry.getValue()) {
                String own = normalisePrefix(name, raw);
                if (!Route.startsWithSegments(own, ADMIN) || own.equals(ADMIN)) {
                    throw new IllegalArgumentException("upstream " + name + ": admin path '" + raw + "' must lie under " + ADMIN + "/");
                }
                String prefix = ADMIN + "/" + name + own.substring(ADMIN.length());
                String previous = owner.putIfAbsent(prefix, name);
                if (previous != null) {
                    throw new IllegalArgumentException("prefix " + prefix + " is claimed by both " + previous + " and " + name);
                }
                routes.add(new Route(prefix, upstream, own));
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        return new RoutingTable(List.copyOf(routes), Map.copyOf(upstreams));
    }

    private static String normalisePrefix(String upstream, String raw) {
        String prefix = raw.trim();
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.startsWith("/") || prefix.length() < 2 || prefix.contains("?") || prefix.contains("//")) {
            throw new IllegalArgumentException("upstream " + upstream + ": prefix '" + raw + "' must be an absolute path like /api/v1/things");
        }
        return prefix;
    }

    /** The route owning {@code path} (raw path, no query), if any. */
    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /**
     * Where a path of {@code upstream}'s own API is reached through the gateway: the same path for its prefixes, the
     * rewritten one for an exposed admin path; empty if the gateway does not route it there (the longest prefix of the
     * gateway path must lead back to the same upstream).
     */
    public Optional<String> gatewayPath(String upstream, String upstreamPath) {
        for (Route route : routes) {
            if (route.upstream().name().equals(upstream)) {
                Optional<String> path = route.gatewayPath(upstreamPath);
                if (path.isPresent() && match(path.get()).filter(r -> r == route).isPresent()) {
                    return path;
                }
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }

    public Map<String, Upstream> upstreams() {
        return upstreams;
    }
}
