package io.consort.performance.scorecard;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One KPI's part of a score. The list is empty until the program's weighted KPIs are configured
 * (the scorecard KPI issue); the shape is published now so clients can code against it.
 */
@Schema(description = "A KPI's contribution to the partner's score")
public record KpiScore(
        @Schema(description = "KPI name", example = "LEAD_CONVERSION_RATE") String kpi,
        @Schema(description = "The partner's current value", example = "0.42") BigDecimal value,
        @Schema(description = "The program's target", example = "0.30") BigDecimal target,
        @Schema(description = "Weight of the KPI in the score, percent", example = "25") int weight,
        @Schema(description = "Points this KPI adds to the score", example = "25") BigDecimal contribution) {
}
