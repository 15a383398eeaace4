package io.consort.performance.scorecard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of a scorecard. */
@Schema(name = "Scorecard", description = "A partner's tier and score in its program")
public record ScorecardView(
        @Schema(example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID partnerId,
        @Schema(example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b") UUID programId,
        @Schema(example = "REGISTERED") Tier tier,
        @Schema(description = "0 to 100", example = "0", minimum = "0", maximum = "100") int score,
        @Schema(description = "Each KPI's contribution to the score") List<KpiScore> kpis,
        @Schema(description = "When the partner started onboarding", example = "2026-11-27T10:00:00Z") Instant openedAt,
        @Schema(example = "2026-11-27T10:00:00Z") Instant updatedAt) {

    static ScorecardView of(Scorecard s) {
        return new ScorecardView(s.partnerId, s.programId, s.tier, s.score, List.of(),
                s.openedAt.toInstant(), s.updatedAt.toInstant());
    }
}
