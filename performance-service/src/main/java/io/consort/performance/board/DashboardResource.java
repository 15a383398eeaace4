package io.consort.performance.board;

import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.domain.Kpi;
import io.consort.performance.domain.Money;
import io.consort.performance.scorecard.DayParams;
import io.consort.performance.scorecard.Scorecard;
import io.consort.performance.scorecard.Scorecards;
import io.consort.performance.scorecard.StandingDay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dashboards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboards", description = "KPI time series per partner and program-wide aggregates")
public class DashboardResource {

    private static final int MAX_DAYS = 3 * 366;

    @Inject
    CallerScope caller;

    @Inject
    Scorecards scorecards;

    @Inject
    EntityManager entityManager;

    @Inject
    PerformanceConfig config;

    @Inject
    Clock clock;

    @GET
    @Path("/partners/{partnerId}")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "getPartnerKpiSeries", summary = "Get a partner's KPI over time",
            description = "One point per day, week (Monday to Sunday) or month from `from` (default 90 days ago) to `to` "
                    + "(default today), at most 3 years; each point is the KPI's value at the last day of its interval (KPIs "
                    + "are trailing totals or states). kpi is a KPI name or SCORE. Roles: prm-admin, channel-manager, "
                    + "integrator; partner-admin and partner-user for their own partner only.")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(schema = @Schema(implementation = DashboardViews.Series.class)))
    @APIResponse(responseCode = "400", description = "Unknown kpi or interval, bad or too long range")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    @APIResponse(responseCode = "404", description = "No scorecard for this partner, or not yours")
    public DashboardViews.Series partner(@PathParam("partnerId") UUID partnerId,
            @Parameter(required = true, description = "A KPI name or SCORE", schema = @Schema(type = SchemaType.STRING, example = "WON_REVENUE")) @QueryParam("kpi") String kpi,
            @Parameter(description = "First day (default 90 days ago)", schema = @Schema(type = SchemaType.STRING, format = "date", example = "2026-09-01")) @QueryParam("from") String from,
            @Parameter(description = "Last day (default today)", schema = @Schema(type = SchemaType.STRING, format = "date", example = "2026-11-30")) @QueryParam("to") String to,
            @Parameter(description = "Length of one point (default day)", schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month"}, example = "week")) @QueryParam("interval") String interval) {
        caller.requirePartnerAccess(partnerId);
        Scorecard card = scorecards.ofPartner(partnerId).orElseThrow(() -> Problems.notFound("scorecard of partner", partnerId));
        String measure = kpi(kpi);
        String step = interval == null ? "day" : interval;
        if (!List.of("day", "week", "month").contains(step)) {
            throw Problems.invalidField("interval", "day, week or month");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate last = DayParams.day("to", to);
        LocalDate first = DayParams.day("from", from);
        DayParams.requireOrder(first, last);
        last = last == null ? today : last;
        first = first == null ? last.minusDays(89) : first;
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw Problems.invalidField("from", "at most 3 years before to");
        }
        List<StandingDay> days = scorecards.days(card.partnerId, first, last, MAX_DAYS + 1);
        List<DashboardViews.Point> points = new ArrayList<>();
        LocalDate start = first;
        int i = 0;
        while (!start.isAfter(last)) {
            LocalDate end = switch (step) {
                case "week" -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case "month" -> start.with(TemporalAdjusters.lastDayOfMonth());
                default -> start;
            };
            if (end.isAfter(last)) {
                end = last;
            }
            StandingDay latest = null;
            while (i < days.size() && !days.get(i).day().isAfter(end)) {
                latest = days.get(i++);
            }
            BigDecimal value = latest == null || latest.day().isBefore(start) ? null
                    : measure.equals("SCORE") ? BigDecimal.valueOf(latest.score()) : latest.kpis().get(measure);
            points.add(new DashboardViews.Point(start, end, value));
            start = end.plusDays(1);
        }
        return new DashboardViews.Series(partnerId, measure, step, points);
    }

    @GET
    @Path("/programs/{programId}")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR})
    @Operation(operationId = "getProgramDashboard", summary = "Get a program's aggregates",
            description = "Partners, tier distribution, average score, pipeline, won revenue and the lead → deal → won funnel "
                    + "over the program's partners as of their latest evaluation. Roles: prm-admin, channel-manager, integrator.")
    @APIResponse(responseCode = "200", description = "The aggregates",
            content = @Content(schema = @Schema(implementation = DashboardViews.Program.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not vendor side")
    public DashboardViews.Program program(@PathParam("programId") UUID programId) {
        @SuppressWarnings("unchecked")
        List<Object[]> tiers = entityManager.createNativeQuery("""
                select tier, tier_rank, count(*) from scorecard where program_id = ?1
                group by tier, tier_rank order by tier_rank desc""").setParameter(1, programId).getResultList();
        Object[] sums = (Object[]) entityManager.createNativeQuery("""
                select count(*), avg(s.score),
                    coalesce(sum(cast(d.kpis ->> 'PIPELINE' as numeric)), 0),
                    coalesce(sum(cast(d.kpis ->> 'WON_REVENUE' as numeric)), 0),
                    coalesce(sum(cast(d.kpis ->> 'LEADS_OFFERED' as numeric)), 0),
                    coalesce(sum(cast(d.kpis ->> 'LEADS_ACCEPTED' as numeric)), 0),
                    coalesce(sum(cast(d.kpis ->> 'LEADS_CONVERTED' as numeric)), 0),
                    coalesce(sum(cast(d.kpis ->> 'DEALS_REGISTERED' as numeric)), 0),
                    coalesce(sum(cast(d.kpis ->> 'DEALS_WON' as numeric)), 0)
                from scorecard s left join scorecard_day d on d.partner_id = s.partner_id and d.day = s.evaluated_on
                where s.program_id = ?1""").setParameter(1, programId).getSingleResult();
        String currency = config.currency();
        return new DashboardViews.Program(programId, ((Number) sums[0]).intValue(),
                sums[1] == null ? null : new BigDecimal(sums[1].toString()).setScale(2, RoundingMode.HALF_UP),
                tiers.stream().map(t -> new DashboardViews.TierCount((String) t[0], ((Number) t[1]).intValue(),
                        ((Number) t[2]).longValue())).toList(),
                Money.of(decimal(sums[2]), currency), Money.of(decimal(sums[3]), currency),
                new DashboardViews.Funnel(decimal(sums[4]).longValue(), decimal(sums[5]).longValue(),
                        decimal(sums[6]).longValue(), decimal(sums[7]).longValue(), decimal(sums[8]).longValue()));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    private static String kpi(String value) {
        if (value == null) {
            throw Problems.invalidField("kpi", "required: a KPI name or SCORE");
        }
        if (value.equals("SCORE")) {
            return value;
        }
        try {
            return Kpi.valueOf(value).name();
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("kpi", "a KPI name (" + java.util.Arrays.toString(Kpi.values()) + ") or SCORE");
        }
    }
}
