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
    void dotSegmentsAreRecognisedPlainAndEncoded() {
        assertTrue(Paths.hasDotSegment("/api/v1/programs/../admin"));
        assertTrue(Paths.hasDotSegment("/api/v1/programs/%2E%2e/admin"));
        assertTrue(Paths.hasDotSegment("/api/v1/./programs"));
        assertFalse(Paths.hasDotSegment("/api/v1/programs/v1.2/...x"));
    }

    private String owner(String path) {
        return table.match(path).orElseThrow().upstream().name();
    }
}
