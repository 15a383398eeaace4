package io.consort.performance.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of a scorecard, now or as of a past day. */
@Schema(name = "Scorecard", description = "A partner's tier and score in its program, with the KPI breakdown and why",
        example = "{\"partnerId\": \"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\", \"programId\": \"3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b\", "
                + "\"tier\": \"GOLD\", \"tierRank\": 2, \"score\": 82, \"kpis\": [], \"eligibleTier\": \"GOLD\", "
                + "\"downgradeDueOn\": null, \"explanation\": \"GOLD because score 82 ≥ 65 and 2 certified people ≥ 2\", "
                + "\"asOf\": null, \"openedAt\": \"2026-11-27T10:00:00Z\", \"updatedAt\": \"2026-11-27T10:00:00Z\"}")
public record ScorecardView(
        @Schema(required = true, example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID partnerId,
        @Schema(required = true, example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b") UUID programId,
        @Schema(required = true, description = "The tier held (the vendor's names; REGISTERED is the entry tier)",
                example = "GOLD") String tier,
        @Schema(required = true, description = "The tier's rank: 0 = entry tier, higher is better", example = "2",
                minimum = "0") int tierRank,
        @Schema(required = true, description = "0 to 100", example = "82", minimum = "0", maximum = "100") int score,
        @Schema(required = true, description = "Each KPI's contribution to the score") List<KpiScore> kpis,
        @Schema(required = true, description = "The tier the partner qualifies for today; lower than tier while a downgrade waits out its grace period",
                example = "GOLD") String eligibleTier,
        @Schema(nullable = true, description = "The day a pending downgrade takes effect unless the partner recovers",
                example = "2026-12-27") LocalDate downgradeDueOn,
        @Schema(required = true, description = "Why the tier is what it is, and what the next tier needs",
                example = "GOLD because score 82 ≥ 65 and 2 certified people ≥ 2") String explanation,
        @Schema(nullable = true, description = "The day this standing is as of (end of day); null for now",
                example = "2026-11-30") LocalDate asOf,
        @Schema(required = true, description = "When the partner started onboarding", example = "2026-11-27T10:00:00Z") Instant openedAt,
        @Schema(required = true, description = "When the newest fact counted happened", example = "2026-11-27T10:00:00Z") Instant updatedAt) {

    static ScorecardView of(Scorecard s) {
        return new ScorecardView(s.partnerId, s.programId, s.tier, s.tierRank, s.score, KpiScore.of(s.contributions),
                s.eligibleTier == null ? s.tier : s.eligibleTier, s.downgradeDueOn,
                s.explanation == null ? s.tier : s.explanation, null, s.openedAt.toInstant(), s.updatedAt.toInstant());
    }
}
