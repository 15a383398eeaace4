package io.consort.campaign.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A routing rule as the vendor writes it (create and whole replacement). */
@Schema(name = "RoutingRuleRequest", description = "A lead routing rule", examples = """
        {"name":"EMEA cloud leads","priority":10,"active":true,"leadRegions":["EMEA"],"leadSpecialisations":[],
         "programIds":[],"matchRegion":true,"matchSpecialisation":true,"minTierRank":0,
         "tierWeights":{"REGISTERED":1,"SILVER":2,"GOLD":3,"PLATINUM":4},"defaultWeight":1,"capacity":5,
         "acceptanceSla":"PT48H"}""")
public record RoutingRuleRequest(
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String name,
        @Schema(required = true, description = "lower first; the first active rule that applies to a lead routes it",
                minimum = "0", maximum = "100000") @NotNull @Min(0) @Max(100000) Integer priority,
        @Schema(required = true) @NotNull Boolean active,
        @Schema(description = "lead regions the rule takes; empty or absent: any") @Size(max = 100)
        List<@NotBlank @Size(max = 60) String> leadRegions,
        @Schema(description = "lead specialisations the rule takes; empty or absent: any") @Size(max = 100)
        List<@NotBlank @Size(max = 100) String> leadSpecialisations,
        @Schema(description = "programs whose partners may get the leads; empty or absent: any") @Size(max = 100)
        List<@NotNull UUID> programIds,
        @Schema(required = true, description = "a partner must be in the lead's region") @NotNull Boolean matchRegion,
        @Schema(required = true, description = "a partner must have the lead's specialisation") @NotNull Boolean matchSpecialisation,
        @Schema(required = true, description = "lowest tier rank that may get leads (0 = the entry tier)", minimum = "0",
                maximum = "100") @NotNull @Min(0) @Max(100) Integer minTierRank,
        @Schema(required = true, description = "rotation weight per tier name (0 excludes the tier)")
        @NotNull @Size(max = 50) Map<@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String, @NotNull @Min(0) @Max(1000) Integer> tierWeights,
        @Schema(required = true, description = "weight of tiers the map does not name", minimum = "0", maximum = "1000")
        @NotNull @Min(0) @Max(1000) Integer defaultWeight,
        @Schema(required = true, description = "most open (offered or accepted) leads a partner may hold", minimum = "1",
                maximum = "10000") @NotNull @Min(1) @Max(10000) Integer capacity,
        @Schema(required = true, description = "how long a partner has to accept, ISO-8601 duration from PT1S to P30D",
                examples = "PT48H") @NotBlank @Size(max = 40) String acceptanceSla) {
}
