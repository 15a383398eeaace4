package io.consort.performance.scorecard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One KPI's part of a score: its value, the program's target and weight, and the points it earned. */
@Schema(description = "A KPI's contribution to the partner's score",
        example = "{\"kpi\": \"LEAD_CONVERSION_RATE\", \"value\": 0.42, \"target\": 0.3, \"weight\": 10, \"contribution\": 10.00}")
public record KpiScore(
        @Schema(required = true, description = "KPI name", example = "LEAD_CONVERSION_RATE") String kpi,
        @Schema(nullable = true, description = "The partner's value; null when there is nothing to measure yet",
                example = "0.42") BigDecimal value,
        @Schema(required = true, description = "The program's target", example = "0.3") BigDecimal target,
        @Schema(required = true, description = "Weight of the KPI in the score, points out of 100", example = "10",
                minimum = "1", maximum = "100") int weight,
        @Schema(required = true, description = "Points this KPI adds to the score", example = "10.00") BigDecimal contribution) {

    static List<KpiScore> of(List<Map<String, Object>> stored) {
        return stored.stream().map(m -> new KpiScore((String) m.get("kpi"), decimal(m.get("value")), decimal(m.get("target")),
                ((Number) m.get("weight")).intValue(), decimal(m.get("contribution")))).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
