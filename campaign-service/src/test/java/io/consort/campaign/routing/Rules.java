package io.consort.campaign.routing;

import io.consort.campaign.Callers;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Routing rules for tests, each scoped to its own lead region so tests never route each other's leads. */
public final class Rules {

    private Rules() {
    }

    public static String region() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> body(String region, int capacity, String sla, Map<String, Integer> weights) {
        return Map.ofEntries(Map.entry("name", "Rule for " + region), Map.entry("priority", 10),
                Map.entry("active", true), Map.entry("leadRegions", List.of(region)),
                Map.entry("leadSpecialisations", List.of()), Map.entry("programIds", List.of()),
                Map.entry("matchRegion", true), Map.entry("matchSpecialisation", true), Map.entry("minTierRank", 0),
                Map.entry("tierWeights", weights), Map.entry("defaultWeight", 1), Map.entry("capacity", capacity),
                Map.entry("acceptanceSla", sla));
    }

    /** Creates a rule for {@code region}; returns its id. */
    public static String create(String region, int capacity, String sla, Map<String, Integer> weights) {
        return Callers.manager().body(body(region, capacity, sla, weights)).post("/api/v1/routing-rules")
                .then().statusCode(201).extract().path("id");
    }
}
