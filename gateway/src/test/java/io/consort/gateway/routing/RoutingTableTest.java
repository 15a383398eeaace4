package io.consort.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private final RoutingTable table = RoutingTable.of(
            Map.of("recruitment", List.of("/api/v1/partners", "/api/v1/programs/"),
                    "performance", List.of("/api/v1/partners/scores"),
                    "campaign", List.of("/t")),
            Map.of("recruitment", "http://127.0.0.1:8081", "performance", "http://127.0.0.1:8084",
                    "campaign", "http://campaign:8083/"));

    @Test
    void theLongestPrefixWins() {
        assertEquals("performance", owner("/api/v1/partners/scores/7"));
        assertEquals("recruitment", owner("/api/v1/partners/7"));
        assertEquals("recruitment", owner("/api/v1/partners"));
    }

    @Test
    void prefixesMatchWholeSegmentsAndTrailingSlashesAreIgnored() {
        assertEquals("recruitment", owner("/api/v1/programs/1"));
        assertEquals("campaign", owner("/t/abc"));
        assertFalse(table.match("/api/v1/partnership").isPresent());
        assertFalse(table.match("/tracking").isPresent());
        assertFalse(table.match("/").isPresent());
    }

    @Test
    void aPrefixClaimedByTwoUpstreamsStopsTheGateway() {
        var e = assertThrows(IllegalArgumentException.class, () -> RoutingTable.of(
                Map.of("a", List.of("/x"), "b", List.of("/x/")), Map.of("a", "http://h:1", "b", "http://h:2")));
        assertTrue(e.getMessage().contains("/x"), e.getMessage());
    }

    @Test
    void upstreamUrlsWithAPathOrWithoutHttpAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Upstream.parse("a", "http://h:1/base"));
        assertThrows(IllegalArgumentException.class, () -> Upstream.parse("a", "ftp://h:1"));
        assertThrows(IllegalArgumentException.class, () -> RoutingTable.of(Map.of("a", List.of("api")), Map.of("a", "http://h:1")));
        assertEquals(443, Upstream.parse("a", "https://h").port());
    }

    @Test
    void anExposedAdminPathIsReachedUnderTheServicesNameAndRewritten() {
        RoutingTable withAdmin = RoutingTable.of(
                Map.of("community", List.of("/api/v1/members"), "performance", List.of("/api/v1/scorecards")),
                Map.of("community", "http://127.0.0.1:8082", "performance", "http://127.0.0.1:8084"),
                Map.of("community", List.of("/api/v1/admin/rebuild"), "performance", List.of("/api/v1/admin/rebuild/")));
        Route route = withAdmin.match("/api/v1/admin/community/rebuild").orElseThrow();
        assertEquals("community", route.upstream().name());
        assertEquals("/api/v1/admin/rebuild", route.upstreamPath("/api/v1/admin/community/rebuild"));
        assertEquals("/api/v1/admin/rebuild", withAdmin.match("/api/v1/admin/performance/rebuild").orElseThrow()
                .upstreamPath("/api/v1/admin/performance/rebuild"));
        assertEquals("/api/v1/members/7", withAdmin.match("/api/v1/members/7").orElseThrow().upstreamPath("/api/v1/members/7"));
        // Nothing else under /api/v1/admin: not the service's own path, not another admin path, not an unknown service.
        assertFalse(withAdmin.match("/api/v1/admin/rebuild").isPresent());
        assertFalse(withAdmin.match("/api/v1/admin/community/outbox").isPresent());
        assertFalse(withAdmin.match("/api/v1/admin/community/rebuilds").isPresent());
        assertFalse(withAdmin.match("/api/v1/admin/recruitment/rebuild").isPresent());
        // The way back, for the merged document.
        assertEquals("/api/v1/admin/performance/rebuild", withAdmin.gatewayPath("performance", "/api/v1/admin/rebuild").orElseThrow());
        assertEquals("/api/v1/members/{partnerId}", withAdmin.gatewayPath("community", "/api/v1/members/{partnerId}").orElseThrow());
        assertFalse(withAdmin.gatewayPath("community", "/api/v1/admin/outbox").isPresent());
        assertFalse(withAdmin.gatewayPath("community", "/api/v1/scorecards").isPresent());
    }

    @Test
    void anAdminPathOutsideAdminStopsTheGateway() {
        assertThrows(IllegalArgumentException.class, () -> RoutingTable.of(Map.of("a", List.of("/x")), Map.of("a", "http://h:1"),
                Map.of("a", List.of("/api/v1/things"))));
        assertThrows(IllegalArgumentException.class, () -> RoutingTable.of(Map.of("a", List.of("/x")), Map.of("a", "http://h:1"),
                Map.of("a", List.of("/api/v1/admin"))));
    }

    @Test
    void dotSegmentsAreRecognisedPlainAndEncoded() {
        assertTrue(Paths.hasDotSegment("/api/v1/programs/../admin"));
        assertTrue(Paths.hasDotSegment("/api/v1/programs/%2E%2e/admin"));
        assertTrue(Paths.hasDotSegment("/api/v1/./programs"));
        assertFalse(Paths.hasDotSegment("/api/v1/programs/v1.2/...x"));
        assertTrue(Paths.hasDotSegment("/api/v1/programs/.."));
        assertTrue(Paths.hasDotSegment("/api/v1/programs/%2e"));
        assertTrue(Paths.hasDotSegment("/api/v1/programs/.%2E/x"));
        assertTrue(Paths.hasDotSegment("."));
        assertFalse(Paths.hasDotSegment("/api/v1/programs/..."));
        assertFalse(Paths.hasDotSegment("/api/v1/programs/%2e%2e%2e"));
        assertFalse(Paths.hasDotSegment("/api/v1/programs/%2"));
        assertFalse(Paths.hasDotSegment("/api/v1/programs/.x"));
        assertFalse(Paths.hasDotSegment("/api/v1//programs/"));
        assertFalse(Paths.hasDotSegment("/"));
    }

    private String owner(String path) {
        return table.match(path).orElseThrow().upstream().name();
    }
}
