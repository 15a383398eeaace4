package io.consort.performance.scorecard;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
@Tag(name = "Scorecards", description = "Partners' tiers and scores")
public class ScorecardResource {

    @Inject
    CallerScope caller;

    @Inject
    Scorecards scorecards;

    @GET
    @Path("/{partnerId}")
    @Operation(summary = "Get a partner's scorecard",
            description = "The partner's tier, score and KPI contributions. Partner users see only their own partner.")
    @APIResponse(responseCode = "200", description = "The scorecard; ETag is its version",
            content = @Content(schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the current version")
    @APIResponse(responseCode = "404", description = "No scorecard for this partner, or not yours")
    public Response get(@PathParam("partnerId") UUID partnerId, @Context Request request) {
        caller.requirePartnerAccess(partnerId);
        Scorecard scorecard = scorecards.ofPartner(partnerId)
                .orElseThrow(() -> Problems.notFound("scorecard of partner", partnerId));
        EntityTag tag = ETags.tag(scorecard.version);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.tag(tag).build();
        }
        return Response.ok(ScorecardView.of(scorecard)).tag(tag).build();
    }
}
