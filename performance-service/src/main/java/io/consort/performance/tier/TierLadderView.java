package io.consort.performance.tier;

import io.consort.performance.domain.Money;
import io.consort.performance.domain.TierLadder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of the tier ladder. */
@Schema(name = "TierLadder", description = "The tiers, lowest first, and the grace period of a downgrade",
        example = "{\"tiers\": [{\"name\": \"REGISTERED\", \"rank\": 0, \"minScore\": 0, \"minCertifiedPeople\": null, "
                + "\"minTrailingRevenue\": null}, {\"name\": \"GOLD\", \"rank\": 1, \"minScore\": 65, \"minCertifiedPeople\": 2, "
                + "\"minTrailingRevenue\": {\"amount\": \"100000.00\", \"currency\": \"EUR\"}}], \"graceDays\": 30}")
public record TierLadderView(
        @Schema(required = true, description = "Every tier; the one of rank 0 is the entry tier and needs nothing")
        @NotEmpty @Size(max = 20) List<@Valid @NotNull TierView> tiers,
        @Schema(required = true, description = "Days a partner keeps a tier it no longer qualifies for", example = "30",
                minimum = "0", maximum = "365") @Min(0) @Max(365) int graceDays) {

    /** One tier and what it takes. */
    @Schema(name = "Tier", description = "A tier: score threshold and hard requirements",
            example = "{\"name\": \"GOLD\", \"rank\": 2, \"minScore\": 65, \"minCertifiedPeople\": 2, "
                    + "\"minTrailingRevenue\": {\"amount\": \"100000.00\", \"currency\": \"EUR\"}}")
    public record TierView(
            @Schema(required = true, pattern = "^[A-Z][A-Z0-9_]{0,39}$", example = "GOLD") @NotNull String name,
            @Schema(required = true, minimum = "0", maximum = "100", example = "2") @Min(0) @Max(100) int rank,
            @Schema(required = true, minimum = "0", maximum = "100", example = "65") @Min(0) @Max(100) int minScore,
            @Schema(nullable = true, description = "People holding an unexpired certification", minimum = "0", example = "2")
            @Min(0) Integer minCertifiedPeople,
            @Schema(nullable = true, description = "Trailing-12-month won revenue, in the base currency")
            @Valid Money minTrailingRevenue) {
    }

    static TierLadderView of(TierLadder ladder, String currency) {
        return new TierLadderView(ladder.tiers().stream().map(t -> new TierView(t.name(), t.rank(), t.minScore(),
                t.minCertifiedPeople(), t.minTrailingRevenue() == null ? null : Money.of(t.minTrailingRevenue(), currency)))
                .toList(), ladder.graceDays());
    }

    TierLadder toLadder() {
        return new TierLadder(tiers.stream().map(t -> new TierLadder.Rung(t.name(), t.rank(), t.minScore(),
                t.minCertifiedPeople(), t.minTrailingRevenue() == null ? null : t.minTrailingRevenue().amount())).toList(),
                graceDays);
    }
}
