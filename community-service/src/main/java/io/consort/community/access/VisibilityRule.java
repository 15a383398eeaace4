package io.consort.community.access;

import io.consort.chassis.problem.Problems;
import io.consort.community.membership.Tiers;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who may see an item, as the API writes it. Every part that is absent or empty admits everyone. */
@Schema(name = "VisibilityRule", description = "Who may see the item: a member must pass every part given",
        example = """
                {"minimumTier": "GOLD", "minimumTierRank": 2, "programIds": ["3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b"],
                 "regions": ["EMEA"], "hidden": false}""")
public record VisibilityRule(
        @Schema(description = "Minimum tier by name; a known name (REGISTERED, SILVER, GOLD, PLATINUM) sets the rank",
                nullable = true, example = "GOLD") @Size(min = 1, max = 40) String minimumTier,
        @Schema(description = "Minimum tier rank (0 = entry tier); members of a lower rank do not see the item",
                nullable = true, minimum = "0", example = "2") @Min(0) Integer minimumTierRank,
        @Schema(description = "Programs whose members see it; empty = every program", nullable = true,
                example = "[\"3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b\"]") @Size(max = 50) List<UUID> programIds,
        @Schema(description = "Regions whose members see it; empty = every region", nullable = true,
                example = "[\"EMEA\"]") @Size(max = 50) List<@Size(min = 1, max = 64) String> regions,
        @Schema(nullable = true, description = "Seen by the vendor only (absent = false)", example = "false") Boolean hidden) {

    public static final VisibilityRule EVERYONE = new VisibilityRule(null, null, List.of(), List.of(), false);

    /** The stored rule; a tier name alone must be one whose rank is known. */
    public Visibility toVisibility(String field) {
        Integer rank = minimumTierRank;
        if (rank == null && minimumTier != null) {
            rank = Tiers.rankOf(minimumTier).orElseThrow(() -> Problems.invalidField(field + ".minimumTierRank",
                    "tier " + minimumTier + " has no known rank; give minimumTierRank"));
        }
        if (programIds != null && programIds.stream().anyMatch(Objects::isNull)
                || regions != null && regions.stream().anyMatch(Objects::isNull)) {
            throw Problems.invalidField(field, "programIds and regions must not contain null");
        }
        return Visibility.of(minimumTier, rank, programIds, regions, Boolean.TRUE.equals(hidden));
    }

    public static VisibilityRule of(Visibility v) {
        return new VisibilityRule(v.minimumTier, v.minimumTierRank, List.copyOf(v.programIds), List.copyOf(v.regions),
                v.hidden);
    }
}
