package io.consort.performance.incentive;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Cursor;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problem;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.performance.config.Invalid;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.config.Settings;
import io.consort.performance.domain.IncentiveRules;
import io.consort.performance.domain.Money;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.scorecard.Scorecards;
import io.consort.performance.standing.Reevaluation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incentives", description = "Rebates, bonuses and reversals; attribution of won revenue")
public class IncentiveResource {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope caller;

    @Inject
    Settings settings;

    @Inject
    Reevaluation reevaluation;

    @Inject
    PerformanceConfig config;

    @Inject
    Clock clock;

    @GET
    @Path("/incentives/{partnerId}/statement")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "getIncentiveStatement", summary = "Get a partner's incentive statement",
            description = "Every rebate, bonus and reversal of the period (a quarter, default the current one) with its "
                    + "reason and evidence, and the totals. Roles: prm-admin, channel-manager, integrator; partner-admin and "
                    + "partner-user for their own partner only.")
    @APIResponse(responseCode = "200", description = "The statement",
            content = @Content(schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "400", description = "period is not YYYY-Qn")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    @APIResponse(responseCode = "404", description = "No scorecard for this partner, or not yours")
    public StatementView statement(@PathParam("partnerId") UUID partnerId,
            @Parameter(description = "The quarter (default the current one)", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-Q[1-4]$", example = "2026-Q4")) @QueryParam("period") String period) {
        requireScorecard(partnerId);
        String p = period == null ? IncentiveRules.period(LocalDate.now(clock)) : period;
        if (!p.matches("[0-9]{4}-Q[1-4]")) {
            throw Problems.invalidField("period", "a quarter such as 2026-Q4");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, kind, amount, currency, day, deal_id, evidence_event_id, evidence_type, reason, accrued_at
                from incentive_entry where partner_id = ?1 and period = ?2 order by seq""")
                .setParameter(1, partnerId).setParameter(2, p).getResultList();
        List<StatementView.Entry> lines = new ArrayList<>();
        BigDecimal rebates = BigDecimal.ZERO.setScale(2);
        BigDecimal bonuses = BigDecimal.ZERO.setScale(2);
        BigDecimal reversals = BigDecimal.ZERO.setScale(2);
        for (Object[] r : rows) {
            BigDecimal amount = (BigDecimal) r[2];
            String kind = (String) r[1];
            switch (kind) {
                case IncentiveRules.REBATE -> rebates = rebates.add(amount);
                case IncentiveRules.BONUS -> bonuses = bonuses.add(amount);
                default -> reversals = reversals.add(amount);
            }
            lines.add(new StatementView.Entry((UUID) r[0], kind, new Money(amount, (String) r[3]), Scorecards.date(r[4]),
                    (UUID) r[5], (UUID) r[6], (String) r[7], (String) r[8], PartnerFacts.instant(r[9])));
        }
        String currency = config.currency();
        return new StatementView(partnerId, p, lines, new Money(rebates, currency), new Money(bonuses, currency),
                new Money(reversals, currency), new Money(rebates.add(bonuses).add(reversals), currency));
    }

    @GET
    @Path("/attribution/{partnerId}")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "listAttribution", summary = "List a partner's attribution ledger",
            description = "Won revenue credited as sourced or influenced, with the event proving each line, oldest first, "
                    + "cursor-paged. Roles: prm-admin, channel-manager, integrator; partner-admin and partner-user for their own partner only.")
    @APIResponse(responseCode = "200", description = "One page of lines")
    @APIResponse(responseCode = "400", description = "Bad limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    @APIResponse(responseCode = "404", description = "No scorecard for this partner, or not yours")
    public Page<AttributionView> attribution(@PathParam("partnerId") UUID partnerId, @BeanParam PageRequest page) {
        requireScorecard(partnerId);
        long after = page.after().map(c -> c.createdAt().toEpochMilli()).orElse(0L);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, kind, deal_id, amount, currency, day, evidence_event_id, evidence_type, reason, recorded_at, seq
                from attribution_line where partner_id = ?1 and seq > ?2 order by seq limit ?3""")
                .setParameter(1, partnerId).setParameter(2, after).setParameter(3, page.limit() + 1).getResultList();
        List<AttributionView> lines = new ArrayList<>();
        for (Object[] r : rows.subList(0, Math.min(rows.size(), page.limit()))) {
            lines.add(new AttributionView((UUID) r[0], (String) r[1], (UUID) r[2], new Money((BigDecimal) r[3], (String) r[4]),
                    Scorecards.date(r[5]), (UUID) r[6], (String) r[7], (String) r[8], PartnerFacts.instant(r[9])));
        }
        String next = rows.size() > page.limit()
                ? new Cursor(java.time.Instant.ofEpochMilli(((Number) rows.get(page.limit() - 1)[10]).longValue()), partnerId).encode()
                : null;
        return new Page<>(lines, next);
    }

    @GET
    @Path("/incentive-rules")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "getIncentiveRules", summary = "Get the incentive rules",
            description = "Rebate percentage and quarterly cap by tier, certification and first-deal bonuses (base currency). "
                    + "Any Consort role.")
    @APIResponse(responseCode = "200", description = "The rules; ETag is their version (0 = the default)",
            content = @Content(schema = @Schema(implementation = IncentiveRulesView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    public Response rules() {
        Settings.Stored<IncentiveRules> rules = settings.read(Ledgers.RULES, IncentiveRules.class, IncentiveRules.DEFAULT);
        return Response.ok(IncentiveRulesView.of(rules.body(), config.currency())).tag(ETags.tag(rules.version())).build();
    }

    @PUT
    @Path("/incentive-rules")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER})
    @Transactional
    @Operation(operationId = "replaceIncentiveRules", summary = "Replace the incentive rules",
            description = "New rules apply from today on: ledgers are reconciled, booked lines are never changed (a "
                    + "difference becomes a correcting line). If-Match honoured. Roles: prm-admin, channel-manager.")
    @APIResponse(responseCode = "200", description = "The new rules",
            content = @Content(schema = @Schema(implementation = IncentiveRulesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not prm-admin or channel-manager")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response replaceRules(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull IncentiveRulesView body) {
        IncentiveRules rules = body.toRules();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String field : List.of("certificationBonus", "firstDealBonus")) {
            Money m = field.equals("certificationBonus") ? body.certificationBonus() : body.firstDealBonus();
            if (!m.currency().equals(config.currency())) {
                errors.add(new Problem.FieldError(field + ".currency", "the base currency " + config.currency()));
            }
        }
        Invalid.unless("the incentive rules are not valid", rules.problems(), errors);
        long version = settings.write(Ledgers.RULES, rules, ifMatch, caller.origin(), clock.instant());
        reevaluation.markAll(LocalDate.now(clock));
        return Response.ok(IncentiveRulesView.of(rules, config.currency())).tag(ETags.tag(version)).build();
    }

    private void requireScorecard(UUID partnerId) {
        caller.requirePartnerAccess(partnerId);
        Number found = (Number) entityManager.createNativeQuery("select count(*) from scorecard where partner_id = ?1")
                .setParameter(1, partnerId).getSingleResult();
        if (found.intValue() == 0) {
            throw Problems.notFound("scorecard of partner", partnerId);
        }
    }
}
