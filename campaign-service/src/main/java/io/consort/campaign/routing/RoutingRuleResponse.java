package io.consort.campaign.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A routing rule as the API shows it. */
@Schema(name = "RoutingRule", description = "A lead routing rule and its version", examples = """
        {"id":"8e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b","version":2,"name":"EMEA cloud leads","priority":10,"active":true,
         "leadRegions":["EMEA"],"leadSpecialisations":[],"programIds":[],"matchRegion":true,"matchSpecialisation":true,
         "minTierRank":0,"tierWeights":{"REGISTERED":1,"GOLD":3},"defaultWeight":1,"capacity":5,"acceptanceSla":"PT48H",
         "createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-02T10:00:00Z","updatedBy":"manager"}""")
public record RoutingRuleResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, description = "the rule's version (its ETag)") long version,
        @Schema(required = true) String name,
        @Schema(required = true) int priority,
        @Schema(required = true) boolean active,
        @Schema(required = true) List<String> leadRegions,
        @Schema(required = true) List<String> leadSpecialisations,
        @Schema(required = true) List<UUID> programIds,
        @Schema(required = true) boolean matchRegion,
        @Schema(required = true) boolean matchSpecialisation,
        @Schema(required = true) int minTierRank,
        @Schema(required = true) Map<String, Integer> tierWeights,
        @Schema(required = true) int defaultWeight,
        @Schema(required = true) int capacity,
        @Schema(required = true, description = "ISO-8601 duration") String acceptanceSla,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true) String updatedBy) {

    static RoutingRuleResponse from(RoutingRule rule) {
        return new RoutingRuleResponse(rule.id, rule.version, rule.name, rule.priority, rule.active,
                List.copyOf(rule.leadRegions), List.copyOf(rule.leadSpecialisations), List.copyOf(rule.programIds),
                rule.matchRegion, rule.matchSpecialisation, rule.minTierRank, Map.copyOf(rule.tierWeights),
                rule.defaultWeight, rule.capacity, rule.acceptanceSla().toString(), rule.createdAt, rule.updatedAt,
                rule.updatedBy);
    }
}
