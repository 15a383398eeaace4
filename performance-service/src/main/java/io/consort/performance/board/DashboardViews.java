package io.consort.performance.board;

import io.consort.performance.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API forms of the dashboards. */
public final class DashboardViews {

    private DashboardViews() {
    }

    @Schema(name = "KpiSeries", description = "A KPI's values over time, one point per interval (its value at the interval's last day)",
            example = "{\"partnerId\": \"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\", \"kpi\": \"WON_REVENUE\", \"interval\": \"week\", "
                    + "\"points\": [{\"start\": \"2026-11-02\", \"end\": \"2026-11-08\", \"value\": 50000.00}]}")
    public record Series(
            @Schema(required = true, example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID partnerId,
            @Schema(required = true, description = "A KPI name, or SCORE", example = "WON_REVENUE") String kpi,
            @Schema(required = true, enumeration = {"day", "week", "month"}, example = "week") String interval,
            @Schema(required = true) List<Point> points) {
    }

    @Schema(name = "KpiPoint", description = "One interval of a series",
            example = "{\"start\": \"2026-11-02\", \"end\": \"2026-11-08\", \"value\": 50000.00}")
    public record Point(
            @Schema(required = true, example = "2026-11-02") LocalDate start,
            @Schema(required = true, description = "The last day counted (the interval's end, or the range's)",
                    example = "2026-11-08") LocalDate end,
            @Schema(nullable = true, description = "Null when there is nothing to measure", example = "50000.00") BigDecimal value) {
    }

    @Schema(name = "ProgramDashboard", description = "A program's partners at a glance",
            example = "{\"programId\": \"3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b\", \"partners\": 12, \"averageScore\": 54.25, "
                    + "\"tiers\": [{\"tier\": \"GOLD\", \"tierRank\": 2, \"partners\": 3}], "
                    + "\"pipeline\": {\"amount\": \"120000.00\", \"currency\": \"EUR\"}, "
                    + "\"wonRevenue\": {\"amount\": \"640000.00\", \"currency\": \"EUR\"}, "
                    + "\"funnel\": {\"leadsOffered\": 40, \"leadsAccepted\": 31, \"leadsConverted\": 12, \"dealsRegistered\": 15, \"dealsWon\": 9}}")
    public record Program(
            @Schema(required = true, example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b") UUID programId,
            @Schema(required = true, example = "12") int partners,
            @Schema(nullable = true, example = "54.25") BigDecimal averageScore,
            @Schema(required = true, description = "Partners per tier, highest first") List<TierCount> tiers,
            @Schema(required = true, description = "Open registered deals") Money pipeline,
            @Schema(required = true, description = "Trailing-12-month won revenue") Money wonRevenue,
            @Schema(required = true) Funnel funnel) {
    }

    @Schema(name = "TierCount", description = "How many partners hold a tier",
            example = "{\"tier\": \"GOLD\", \"tierRank\": 2, \"partners\": 3}")
    public record TierCount(@Schema(required = true, example = "GOLD") String tier,
            @Schema(required = true, example = "2") int tierRank, @Schema(required = true, example = "3") long partners) {
    }

    @Schema(name = "Funnel", description = "Lead to deal to won, trailing 12 months, summed over the program's partners",
            example = "{\"leadsOffered\": 40, \"leadsAccepted\": 31, \"leadsConverted\": 12, \"dealsRegistered\": 15, \"dealsWon\": 9}")
    public record Funnel(@Schema(required = true, example = "40") long leadsOffered,
            @Schema(required = true, example = "31") long leadsAccepted,
            @Schema(required = true, example = "12") long leadsConverted,
            @Schema(required = true, example = "15") long dealsRegistered,
            @Schema(required = true, example = "9") long dealsWon) {
    }
}
