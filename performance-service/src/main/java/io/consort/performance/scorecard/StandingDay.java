package io.consort.performance.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's standing at the end of one day, as it was stored for that day. */
@Schema(name = "StandingDay", description = "A partner's score, tier and KPIs at the end of a day",
        example = "{\"day\": \"2026-11-30\", \"programId\": \"3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b\", \"score\": 71, "
                + "\"tier\": \"SILVER\", \"tierRank\": 1, \"eligibleTier\": \"SILVER\", \"downgradeDueOn\": null, "
                + "\"kpis\": {\"DEALS_WON\": 3}, \"contributions\": [], \"explanation\": \"SILVER because score 71 ≥ 40\"}")
public record StandingDay(
        @Schema(required = true, example = "2026-11-30") LocalDate day,
        @Schema(required = true, example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b") UUID programId,
        @Schema(required = true, minimum = "0", maximum = "100", example = "71") int score,
        @Schema(required = true, example = "SILVER") String tier,
        @Schema(required = true, minimum = "0", example = "1") int tierRank,
        @Schema(required = true, example = "SILVER") String eligibleTier,
        @Schema(nullable = true, example = "2026-12-30") LocalDate downgradeDueOn,
        @Schema(required = true, description = "Every KPI's value that day (null: nothing to measure)",
                example = "{\"DEALS_WON\": 3}") Map<String, BigDecimal> kpis,
        @Schema(required = true, description = "Each scored KPI's contribution that day") List<KpiScore> contributions,
        @Schema(required = true, example = "SILVER because score 71 ≥ 40") String explanation) {
}
