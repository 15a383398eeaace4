package io.consort.performance.tier;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problem;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.performance.config.Invalid;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.config.Settings;
import io.consort.performance.domain.TierLadder;
import io.consort.performance.standing.Reevaluation;
import io.consort.performance.standing.Standings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tiers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tiers", description = "The tier ladder every scorecard is evaluated against")
public class TierResource {

    @Inject
    Settings settings;

    @Inject
    Standings standings;

    @Inject
    Reevaluation reevaluation;

    @Inject
    PerformanceConfig config;

    @Inject
    CallerScope caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "getTiers", summary = "Get the tier ladder",
            description = "The tiers (REGISTERED, SILVER, GOLD, PLATINUM until the vendor defines its own) with their "
                    + "score thresholds and hard requirements, and the downgrade grace period. Any Consort role.")
    @APIResponse(responseCode = "200", description = "The ladder; ETag is its version (0 = the default)",
            content = @Content(schema = @Schema(implementation = TierLadderView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    public Response get() {
        Settings.Stored<TierLadder> ladder = settings.read(Standings.TIERS, TierLadder.class, TierLadder.DEFAULT);
        return Response.ok(TierLadderView.of(ladder.body(), config.currency())).tag(ETags.tag(ladder.version())).build();
    }

    @PUT
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER})
    @Transactional
    @Operation(operationId = "replaceTiers", summary = "Replace the tier ladder",
            description = "Defines the tiers and the grace period; every scorecard is re-evaluated against them from today "
                    + "on (history stays as it was). If-Match honoured. Roles: prm-admin, channel-manager.")
    @APIResponse(responseCode = "200", description = "The new ladder; ETag is its version",
            content = @Content(schema = @Schema(implementation = TierLadderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid ladder (entry tier, duplicate names or ranks, bounds, currency)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not prm-admin or channel-manager")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull TierLadderView body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.tiers().size(); i++) {
            var revenue = body.tiers().get(i).minTrailingRevenue();
            if (revenue != null && !config.currency().equals(revenue.currency())) {
                errors.add(new Problem.FieldError("tiers[" + i + "].minTrailingRevenue.currency",
                        "the base currency " + config.currency()));
            }
        }
        TierLadder ladder = body.toLadder();
        Invalid.unless("the tier ladder is not valid", ladder.problems(), errors);
        long version = settings.write(Standings.TIERS, ladder, ifMatch, caller.origin(), clock.instant());
        reevaluation.markAll(java.time.LocalDate.now(clock));
        return Response.ok(TierLadderView.of(ladder, config.currency())).tag(ETags.tag(version)).build();
    }
}
