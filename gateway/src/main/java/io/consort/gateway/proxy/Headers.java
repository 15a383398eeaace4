package io.consort.gateway.proxy;

import io.consort.gateway.routing.Route;
import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which headers cross the gateway, in each direction (RFC 9110 section 7.6.1 for the hop-by-hop ones). */
public final class Headers {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade");

    /** Set by the gateway for this hop, so whatever the client sent under these names is dropped. */
    private static final Set<String> FORWARDING = Set.of(
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded");

    private Headers() {
    }

    /** The body length the request announces; 0 when it announces none (or a malformed one, which the codec refuses). */
    public static long declaredLength(MultiMap request) {
        String value = request.get("Content-Length");
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What the client sent as it should reach the upstream, before the gateway adds its own headers. */
    public static MultiMap toUpstream(MultiMap client, boolean keepForwarding) {
        Set<String> drop = droppedFor(client);
        // Host names the gateway; the upstream's own authority is set by the HTTP client.
        drop.add("host");
        // The gateway answers 100-continue itself and streams the body; the upstream must not wait for one.
        drop.add("expect");
        drop.add(REQUEST_ID.toLowerCase(Locale.ROOT));
        if (!keepForwarding) {
            drop.addAll(FORWARDING);
        }
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> h : client) {
            if (!drop.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.add(h.getKey(), h.getValue());
            }
        }
        return out;
    }

    /**
     * What the upstream answered as it should reach the client. {@code Access-Control-*} is dropped because
     * CORS is decided at the edge; a service that also answers CORS would otherwise duplicate the headers.
     */
    public static MultiMap toClient(MultiMap upstream) {
        Set<String> drop = droppedFor(upstream);
        drop.add(REQUEST_ID.toLowerCase(Locale.ROOT));
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> h : upstream) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!drop.contains(name) && !name.startsWith("access-control-")) {
                out.add(h.getKey(), h.getValue());
            }
        }
        return out;
    }

    /** Hop-by-hop headers, including any the message itself lists in {@code Connection}. */
    private static Set<String> droppedFor(MultiMap headers) {
        Set<String> drop = new HashSet<>(HOP_BY_HOP);
        for (String connection : headers.getAll("connection")) {
            for (String token : connection.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    drop.add(name);
                }
            }
        }
        return drop;
    }

    /**
     * An absolute {@code Location} pointing at the upstream's own address would send the client around the
     * gateway; it is re-pointed at the origin the client used. Relative locations and foreign URLs pass as they are,
     * except on a route that rewrites the path (an exposed admin path): there a location on the upstream's own path,
     * relative or on the upstream's or the client's origin, gets the gateway's path back.
     */
    public static String relocate(String location, Route route, String clientOrigin) {
        String rest = null;
        for (String origin : route.upstream().origins()) {
            if (sameOrigin(location, origin)) {
                rest = location.substring(origin.length());
                break;
            }
        }
        if (rest == null && route.rewrites() && sameOrigin(location, clientOrigin)) {
            rest = location.substring(clientOrigin.length());
        }
        if (rest == null) {
            return route.rewrites() && location.startsWith("/") && !location.startsWith("//") ? unrewrite(location, route) : location;
        }
        return clientOrigin + (route.rewrites() ? unrewrite(rest, route) : rest);
    }

    private static boolean sameOrigin(String location, String origin) {
        return location.regionMatches(true, 0, origin, 0, origin.length())
                && (location.length() == origin.length() || "/?#".indexOf(location.charAt(origin.length())) >= 0);
    }

    /** The gateway's path for a path-and-query of the upstream's, when the route reaches it. */
    private static String unrewrite(String pathAndQuery, Route route) {
        int end = pathAndQuery.length();
        for (char c : new char[] {'?', '#'}) {
            int i = pathAndQuery.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String path = pathAndQuery.substring(0, end);
        return route.gatewayPath(path).map(p -> p + pathAndQuery.substring(path.length())).orElse(pathAndQuery);
    }
}
