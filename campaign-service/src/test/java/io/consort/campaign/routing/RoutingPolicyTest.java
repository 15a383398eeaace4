package io.consort.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Eligibility and reasons without a database. */
class RoutingPolicyTest {

    record Terms(List<String> leadRegions, List<String> leadSpecialisations, boolean matchRegion,
            boolean matchSpecialisation, int minTierRank, int capacity, Map<String, Integer> weights)
            implements RoutingPolicy.RuleTerms {
        @Override
        public int weightOf(String tier) {
            return weights.getOrDefault(tier, 1);
        }
    }

    private static final Terms RULE = new Terms(List.of(), List.of(), true, true, 0, 2,
            Map.of("GOLD", 3, "SILVER", 2, "BLOCKED", 0));

    private static RoutingPolicy.PartnerFacts partner(int n, String tier, int rank, String region, String... specs) {
        return new RoutingPolicy.PartnerFacts(new UUID(0, n), tier, rank, region, List.of(specs));
    }

    @Test
    void regionSpecialisationTierCapacityAndDeclinesAllCount() {
        List<RoutingPolicy.PartnerFacts> partners = List.of(
                partner(1, "GOLD", 2, "EMEA", "cloud"),
                partner(2, "SILVER", 1, "APAC", "cloud"),      // wrong region
                partner(3, "SILVER", 1, "emea", "data"),       // no cloud
                partner(4, "SILVER", 1, "EMEA", "Cloud"),      // at capacity
                partner(5, "BLOCKED", 1, "EMEA", "cloud"),     // weight 0
                partner(6, "REGISTERED", 0, "EMEA", "cloud"),  // declined before
                partner(7, "REGISTERED", 0, "EMEA", "cloud"));
        List<RoutingPolicy.Eligible> eligible = RoutingPolicy.eligible(RULE, "EMEA", "cloud", partners,
                Map.of(new UUID(0, 4), 2, new UUID(0, 1), 1), Set.of(new UUID(0, 6)));
        assertEquals(List.of(new UUID(0, 1), new UUID(0, 7)), eligible.stream().map(e -> e.partner().partnerId()).toList());
        assertEquals(3, eligible.get(0).weight());
        assertEquals(1, eligible.get(0).open());
        assertEquals("region EMEA matched, specialisation cloud matched, tier GOLD weight 3, 1 of 2 open; "
                + "rotation turn among 2 eligible partners", RoutingPolicy.reason(RULE, eligible.get(0), "EMEA", "cloud", 2));
    }

    @Test
    void whenEveryoneDeclinedNobodyIsLeft() {
        List<RoutingPolicy.PartnerFacts> partners = List.of(partner(1, "GOLD", 2, "EMEA"), partner(2, "GOLD", 2, "EMEA"));
        assertTrue(RoutingPolicy.eligible(RULE, "EMEA", null, partners, Map.of(),
                Set.of(new UUID(0, 1), new UUID(0, 2))).isEmpty());
    }

    @Test
    void minimumTierRankAndRuleScope() {
        Terms goldOnly = new Terms(List.of("EMEA"), List.of("cloud"), false, false, 2, 5, Map.of());
        assertEquals(1, RoutingPolicy.eligible(goldOnly, "EMEA", "cloud",
                List.of(partner(1, "GOLD", 2, "APAC"), partner(2, "SILVER", 1, "EMEA")), Map.of(), Set.of()).size());
        assertTrue(RoutingPolicy.applies(goldOnly, "emea", "CLOUD"));
        assertFalse(RoutingPolicy.applies(goldOnly, "APAC", "cloud"));
        assertFalse(RoutingPolicy.applies(goldOnly, null, "cloud"));
        assertTrue(RoutingPolicy.applies(RULE, null, null));
    }
}
