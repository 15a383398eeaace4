package io.consort.performance.scorecard;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Cursor;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
@Tag(name = "Scorecards", description = "Partners' tiers and scores, now and as of any past day")
public class ScorecardResource {

    @Inject
    CallerScope caller;

    @Inject
    Scorecards scorecards;

    @Inject
    Clock clock;

    @GET
    @Path("/{partnerId}")
    @Operation(operationId = "getScorecard", summary = "Get a partner's scorecard",
            description = "The partner's tier (with its rank), score, each KPI's value, target, weight and contribution, "
                    + "and why the tier is what it is. With ?asOf= the standing stored for the end of that day. "
                    + "Roles: prm-admin, channel-manager, integrator; partner-admin and partner-user for their own partner only.")
    @APIResponse(responseCode = "200", description = "The scorecard; ETag is its version",
            content = @Content(schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "400", description = "asOf is not a date or date-time")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    @APIResponse(responseCode = "404", description = "No scorecard for this partner (on that day), or not yours")
    public Response get(@PathParam("partnerId") UUID partnerId,
            @Parameter(description = "A past day (YYYY-MM-DD) or date-time: the standing at the end of that day",
                    schema = @Schema(type = SchemaType.STRING, example = "2026-11-30")) @QueryParam("asOf") String asOf,
            @Context Request request) {
        caller.requirePartnerAccess(partnerId);
        Scorecard scorecard = scorecards.ofPartner(partnerId)
                .orElseThrow(() -> Problems.notFound("scorecard of partner", partnerId));
        LocalDate day = DayParams.day("asOf", asOf);
        if (day != null && day.isBefore(LocalDate.now(clock))) {
            ScorecardView then = scorecards.asOf(scorecard, day).orElseThrow(() -> Problems.notFound(
                    "partner " + partnerId + " had no scorecard on " + day));
            return Response.ok(then).tag(ETags.tag(scorecard.version)).build();
        }
        EntityTag tag = ETags.tag(scorecard.version);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(ScorecardView.of(scorecard)).tag(tag).build();
    }

    @GET
    @Path("/{partnerId}/history")
    @Operation(operationId = "listScorecardHistory", summary = "List a partner's daily standing",
            description = "The partner's score, tier, eligibility and KPIs at the end of each day from `from` (default: "
                    + "the scorecard's opening) to `to` (default: today), oldest first, cursor-paged. "
                    + "Roles: prm-admin, channel-manager, integrator; partner-admin and partner-user for their own partner only.")
    @APIResponse(responseCode = "200", description = "One page of days")
    @APIResponse(responseCode = "400", description = "Bad from, to, limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    @APIResponse(responseCode = "404", description = "No scorecard for this partner, or not yours")
    public Page<StandingDay> history(@PathParam("partnerId") UUID partnerId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", example = "2026-11-01")) @QueryParam("from") String from,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date", example = "2026-11-30")) @QueryParam("to") String to,
            @BeanParam PageRequest page) {
        caller.requirePartnerAccess(partnerId);
        Scorecard scorecard = scorecards.ofPartner(partnerId)
                .orElseThrow(() -> Problems.notFound("scorecard of partner", partnerId));
        LocalDate first = DayParams.day("from", from);
        LocalDate last = DayParams.day("to", to);
        DayParams.requireOrder(first, last);
        if (first == null) {
            first = scorecard.openedAt.toLocalDate();
        }
        if (last == null) {
            last = LocalDate.now(clock);
        }
        if (page.after().isPresent()) {
            LocalDate after = page.after().get().createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
            first = after.plusDays(1).isAfter(first) ? after.plusDays(1) : first;
        }
        List<StandingDay> days = scorecards.days(partnerId, first, last, page.limit() + 1);
        String next = null;
        if (days.size() > page.limit()) {
            days = days.subList(0, page.limit());
            next = new Cursor(days.get(days.size() - 1).day().atStartOfDay().toInstant(ZoneOffset.UTC), partnerId).encode();
        }
        return new Page<>(days, next);
    }
}
