package io.consort.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.gateway.routing.Route;
import io.consort.gateway.routing.Upstream;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void hopByHopHeadersAndThoseNamedInConnectionAreNotForwarded() {
        MultiMap client = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Private")
                .add("X-Private", "1")
                .add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked")
                .add("TE", "trailers")
                .add("Upgrade", "websocket")
                .add("Host", "gateway:8080")
                .add("Expect", "100-continue")
                .add("Authorization", "Bearer abc")
                .add("Accept", "application/json")
                .add("Accept", "application/problem+json");
        MultiMap out = Headers.toUpstream(client, false);
        assertEquals("Bearer abc", out.get("Authorization"));
        assertEquals(2, out.getAll("Accept").size());
        for (String gone : new String[] {"Connection", "X-Private", "Keep-Alive", "Transfer-Encoding", "TE", "Upgrade", "Host", "Expect"}) {
            assertFalse(out.contains(gone), gone);
        }
    }

    @Test
    void clientForwardingHeadersAreKeptOnlyWhenTrusted() {
        MultiMap client = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", "10.0.0.1").add("Forwarded", "for=10.0.0.1");
        assertFalse(Headers.toUpstream(client, false).contains("X-Forwarded-For"));
        assertFalse(Headers.toUpstream(client, false).contains("Forwarded"));
        assertTrue(Headers.toUpstream(client, true).contains("X-Forwarded-For"));
    }

    @Test
    void corsAndHopByHopHeadersOfTheAnswerStayBehind() {
        MultiMap upstream = MultiMap.caseInsensitiveMultiMap()
                .add("Access-Control-Allow-Origin", "*")
                .add("Connection", "close")
                .add("ETag", "\"4\"")
                .add("Set-Cookie", "a=1")
                .add("Set-Cookie", "b=2");
        MultiMap out = Headers.toClient(upstream);
        assertFalse(out.contains("Access-Control-Allow-Origin"));
        assertFalse(out.contains("Connection"));
        assertFalse(Headers.toClient(MultiMap.caseInsensitiveMultiMap().add("access-control-max-age", "60")
                .add("X-Request-Id", "theirs").add("Connection", "X-Hop").add("X-Hop", "1").add("X-Kept", "1"))
                .names().stream().anyMatch(n -> !n.equals("X-Kept")));
        assertEquals("\"4\"", out.get("ETag"));
        assertEquals(2, out.getAll("Set-Cookie").size());
    }

    @Test
    void onlyLocationsOnTheUpstreamsOwnOriginAreRepointed() {
        Route recruitment = new Route("/api/v1/partners", Upstream.parse("recruitment", "http://127.0.0.1:8081"));
        String gateway = "https://prm.example.com";
        assertEquals("https://prm.example.com/api/v1/partners/1",
                Headers.relocate("http://127.0.0.1:8081/api/v1/partners/1", recruitment, gateway));
        assertEquals("/api/v1/partners/1", Headers.relocate("/api/v1/partners/1", recruitment, gateway));
        assertEquals("http://127.0.0.1:80812/x", Headers.relocate("http://127.0.0.1:80812/x", recruitment, gateway));
        assertEquals("https://login.example.com/", Headers.relocate("https://login.example.com/", recruitment, gateway));
        // A plain route leaves a location on the client's origin alone, even one under /api/v1/admin.
        assertEquals("https://prm.example.com/api/v1/admin/rebuild",
                Headers.relocate("https://prm.example.com/api/v1/admin/rebuild", recruitment, gateway));
    }

    @Test
    void onARewritingRouteTheUpstreamsPathBecomesTheGatewaysAgain() {
        Route rebuild = new Route("/api/v1/admin/performance/rebuild", Upstream.parse("performance", "http://127.0.0.1:8084"),
                "/api/v1/admin/rebuild");
        String gateway = "https://prm.example.com";
        assertEquals("https://prm.example.com/api/v1/admin/performance/rebuild",
                Headers.relocate("http://127.0.0.1:8084/api/v1/admin/rebuild", rebuild, gateway));
        // A service that honours X-Forwarded-Host already names the gateway, with its own path.
        assertEquals("https://prm.example.com/api/v1/admin/performance/rebuild?x=1",
                Headers.relocate("https://prm.example.com/api/v1/admin/rebuild?x=1", rebuild, gateway));
        assertEquals("/api/v1/admin/performance/rebuild/7", Headers.relocate("/api/v1/admin/rebuild/7", rebuild, gateway));
        // Paths the route does not reach, and foreign URLs, stay as they are.
        assertEquals("https://prm.example.com/api/v1/admin/outbox",
                Headers.relocate("http://127.0.0.1:8084/api/v1/admin/outbox", rebuild, gateway));
        assertEquals("https://login.example.com/api/v1/admin/rebuild",
                Headers.relocate("https://login.example.com/api/v1/admin/rebuild", rebuild, gateway));
    }
}
