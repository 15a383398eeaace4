package io.consort.performance.definition;

import io.consort.performance.config.Definitions;
import io.consort.performance.domain.Kpi;
import io.consort.performance.domain.ScoringModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of a program's scorecard definition. */
@Schema(name = "ScorecardDefinition", description = "A program's weighted KPIs with targets, one version",
        example = "{\"programId\": \"3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b\", \"version\": 2, \"kpis\": [{\"kpi\": \"WON_REVENUE\", "
                + "\"weight\": 100, \"target\": 250000}], \"effectiveFrom\": \"2026-11-27T10:00:00Z\", \"createdBy\": \"manager\"}")
public record DefinitionView(
        @Schema(required = true, example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b") UUID programId,
        @Schema(required = true, description = "0 = the built-in default, in force until the program defines its own",
                example = "2", minimum = "0") int version,
        @Schema(required = true) List<KpiWeight> kpis,
        @Schema(nullable = true, description = "From when this version scores days (null for the default)",
                example = "2026-11-27T10:00:00Z") Instant effectiveFrom,
        @Schema(nullable = true, example = "manager") String createdBy) {

    /** A KPI, its weight (points out of 100) and its target. */
    @Schema(name = "KpiWeight", description = "A KPI of a scorecard definition",
            example = "{\"kpi\": \"WON_REVENUE\", \"weight\": 30, \"target\": 250000}")
    public record KpiWeight(
            @Schema(required = true, example = "WON_REVENUE") @NotNull Kpi kpi,
            @Schema(required = true, minimum = "1", maximum = "100", example = "30") @Min(1) @Max(100) int weight,
            @Schema(required = true, description = "Positive; for a KPI where lower is better, the value that earns the whole weight",
                    example = "250000") @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal target) {
    }

    /** The body of a definition change. */
    @Schema(name = "ScorecardDefinitionRequest", description = "The KPIs; weights add up to 100",
            example = "{\"kpis\": [{\"kpi\": \"WON_REVENUE\", \"weight\": 60, \"target\": 250000}, "
                    + "{\"kpi\": \"CERTIFIED_PEOPLE\", \"weight\": 40, \"target\": 2}], \"effectiveFrom\": null}")
    public record Request(@Schema(required = true) @NotEmpty @Size(max = 30) List<@Valid @NotNull KpiWeight> kpis,
            @Schema(nullable = true, description = "The first day this version scores (default today); earlier days are "
                    + "re-scored with it", example = "2026-10-01") java.time.LocalDate effectiveFrom) {

        ScoringModel toModel() {
            return new ScoringModel(kpis.stream().map(k -> new ScoringModel.Weighted(k.kpi(), k.weight(), k.target())).toList());
        }
    }

    static DefinitionView of(Definitions.Version v) {
        return new DefinitionView(v.programId(), v.version(), v.model().kpis().stream()
                .map(w -> new KpiWeight(w.kpi(), w.weight(), w.target())).toList(), v.effectiveFrom(), v.createdBy());
    }
}
