package io.consort.gateway.proxy;

import io.consort.gateway.routing.Route;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;

/** Which headers cross the gateway, in each direction (RFC 9110 section 7.6.1 for the hop-by-hop ones). */
public final class Headers {

    public static final String REQUEST_ID = "X-Request-Id";

    private static final List<String> HOP_BY_HOP = List.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade");

    /** Set by the gateway for this hop, so whatever the client sent under these names is dropped. */
    private static final List<String> FORWARDING = List.of(
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

    /** Dropped on the way to the upstream besides the hop-by-hop ones: the gateway sets these itself. */
    private static final List<String> NOT_TO_UPSTREAM = List.of(
            // Host names the gateway; the upstream's own authority is set by the HTTP client.
            "host",
            // The gateway answers 100-continue itself and streams the body; the upstream must not wait for one.
            "expect",
            "x-request-id");

    /**
     * What the client sent as it should reach the upstream, before the gateway adds its own headers. Runs on every
     * request: the headers are copied whole and the few that must not cross removed by name (a hashed,
     * case-insensitive lookup each), rather than every name lower-cased and looked up in a set built per call.
     */
    public static MultiMap toUpstream(MultiMap client, boolean keepForwarding) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap().addAll(client);
        removeHopByHop(out);
        NOT_TO_UPSTREAM.forEach(out::remove);
        if (!keepForwarding) {
            FORWARDING.forEach(out::remove);
        }
        return out;
    }

    /**
     * What the upstream answered as it should reach the client. {@code Access-Control-*} is dropped because
     * CORS is decided at the edge; a service that also answers CORS would otherwise duplicate the headers.
     */
    public static MultiMap toClient(MultiMap upstream) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> h : upstream) {
            if (!h.getKey().regionMatches(true, 0, "access-control-", 0, "access-control-".length())) {
                out.add(h.getKey(), h.getValue());
            }
        }
        removeHopByHop(out);
        out.remove(REQUEST_ID);
        return out;
    }

    /** Removes the hop-by-hop headers, including any the message itself lists in {@code Connection}. */
    private static void removeHopByHop(MultiMap headers) {
        List<String> connection = headers.getAll("connection");
        if (!connection.isEmpty()) {
            for (String value : connection) {
                for (String token : value.split(",")) {
                    String name = token.trim();
                    if (!name.isEmpty()) {
                        headers.remove(name);
                    }
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
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
