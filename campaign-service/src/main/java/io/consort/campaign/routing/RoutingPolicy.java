package io.consort.campaign.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which partners may get a lead under a rule, and with which weight; plain code over facts the router
 * read from the database, so that every exclusion has a reason a test can see.
 */
public final class RoutingPolicy {

    private RoutingPolicy() {
    }

    /** What the router knows about one partner the rule's query returned. */
    public record PartnerFacts(UUID partnerId, String tier, int tierRank, String region, List<String> specialisations) {
    }

    /** A partner the rule admits, with its weight and how many open leads it holds. */
    public record Eligible(PartnerFacts partner, int weight, int open) {
    }

    /** Whether a rule applies to a lead (its region and specialisation lists; empty means any). */
    public static boolean applies(RuleTerms rule, String leadRegion, String leadSpecialisation) {
        return (rule.leadRegions().isEmpty() || leadRegion != null && containsIgnoreCase(rule.leadRegions(), leadRegion))
                && (rule.leadSpecialisations().isEmpty()
                        || leadSpecialisation != null && containsIgnoreCase(rule.leadSpecialisations(), leadSpecialisation));
    }

    /**
     * The partners among {@code partners} (already ACTIVE and in the rule's programs) that may get the lead:
     * region and specialisation matched when the rule asks, at least the minimum tier rank, a weight above
     * zero, below capacity, and never one that declined this lead or let it time out.
     */
    public static List<Eligible> eligible(RuleTerms rule, String leadRegion, String leadSpecialisation,
            List<PartnerFacts> partners, Map<UUID, Integer> openLeads, Set<UUID> excluded) {
        List<Eligible> eligible = new ArrayList<>();
        for (PartnerFacts partner : partners) {
            if (excluded.contains(partner.partnerId()) || partner.tierRank() < rule.minTierRank()) {
                continue;
            }
            if (rule.matchRegion() && leadRegion != null && !leadRegion.equalsIgnoreCase(partner.region())) {
                continue;
            }
            if (rule.matchSpecialisation() && leadSpecialisation != null
                    && !containsIgnoreCase(partner.specialisations(), leadSpecialisation)) {
                continue;
            }
            int weight = rule.weightOf(partner.tier());
            int open = openLeads.getOrDefault(partner.partnerId(), 0);
            if (weight < 1 || open >= rule.capacity()) {
                continue;
            }
            eligible.add(new Eligible(partner, weight, open));
        }
        return eligible;
    }

    /** "region EMEA matched, specialisation cloud matched, tier GOLD weight 3, 2 of 5 open" */
    public static String reason(RuleTerms rule, Eligible chosen, String leadRegion, String leadSpecialisation,
            int eligibleCount) {
        StringBuilder reason = new StringBuilder();
        if (rule.matchRegion() && leadRegion != null) {
            reason.append("region ").append(leadRegion).append(" matched, ");
        }
        if (rule.matchSpecialisation() && leadSpecialisation != null) {
            reason.append("specialisation ").append(leadSpecialisation).append(" matched, ");
        }
        reason.append("tier ").append(chosen.partner().tier()).append(" weight ").append(chosen.weight()).append(", ")
                .append(chosen.open()).append(" of ").append(rule.capacity()).append(" open; rotation turn among ")
                .append(eligibleCount).append(" eligible partner").append(eligibleCount == 1 ? "" : "s");
        return reason.toString();
    }

    private static boolean containsIgnoreCase(List<String> values, String value) {
        return values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    /** The terms of a rule the policy reads (the entity, or a plain value in tests and benchmarks). */
    public interface RuleTerms {
        List<String> leadRegions();

        List<String> leadSpecialisations();

        boolean matchRegion();

        boolean matchSpecialisation();

        int minTierRank();

        int capacity();

        int weightOf(String tier);
    }
}
