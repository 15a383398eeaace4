package io.consort.community.space;

import io.consort.chassis.problem.Problems;
import io.consort.community.access.Visibility;
import io.consort.community.access.VisibilityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A space as the vendor creates or replaces it. */
@Schema(name = "SpaceRequest", example = """
        {"name": "Gold lounge", "description": "Roadmap previews for Gold partners and above", "kind": "TIER",
         "visibility": {"minimumTier": "GOLD", "programIds": [], "regions": []}}""")
public record SpaceRequest(
        @Schema(required = true, example = "Gold lounge") @NotBlank @Size(max = 120) String name,
        @Schema(nullable = true, example = "Roadmap previews for Gold partners and above") @Size(max = 4000) String description,
        @Schema(required = true, example = "TIER") @NotNull SpaceKind kind,
        @Schema(nullable = true, description = "Who sees the space; absent = every member") @Valid VisibilityRule visibility) {

    Visibility rule() {
        Visibility v = (visibility == null ? VisibilityRule.EVERYONE : visibility).toVisibility("visibility");
        switch (kind) {
            case PROGRAM -> require(!v.programIds.isEmpty(), "visibility.programIds", "a PROGRAM space names its programs");
            case REGION -> require(!v.regions.isEmpty(), "visibility.regions", "a REGION space names its regions");
            case TIER -> require(v.minimumTierRank != null, "visibility.minimumTier", "a TIER space names its minimum tier");
            case GENERAL -> { }
        }
        return v;
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw Problems.invalidField(field, message);
        }
    }
}
