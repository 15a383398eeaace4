package io.consort.performance.definition;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import io.consort.performance.config.Definitions;
import io.consort.performance.config.Invalid;
import io.consort.performance.standing.Reevaluation;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scorecard-definitions/{programId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecard definitions", description = "Per program: weighted KPIs with targets, versioned")
public class DefinitionResource {

    @Inject
    Definitions definitions;

    @Inject
    Reevaluation reevaluation;

    @Inject
    CallerScope caller;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER})
    @Operation(operationId = "getScorecardDefinition", summary = "Get a program's scorecard definition",
            description = "The version in force: the program's latest, or the built-in default (version 0). Any Consort role: "
                    + "partners may see how they are scored.")
    @APIResponse(responseCode = "200", description = "The definition; ETag is its version",
            content = @Content(schema = @Schema(implementation = DefinitionView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No Consort role")
    public Response get(@PathParam("programId") UUID programId) {
        Definitions.Version latest = definitions.latest(programId);
        return Response.ok(DefinitionView.of(latest)).tag(ETags.tag(latest.version())).build();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR})
    @Operation(operationId = "listScorecardDefinitionVersions", summary = "List every version of a program's definition",
            description = "Oldest first; empty while the program uses the default. Roles: prm-admin, channel-manager, integrator.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not vendor side")
    public List<DefinitionView> versions(@PathParam("programId") UUID programId) {
        return definitions.versions(programId).stream().map(DefinitionView::of).toList();
    }

    @PUT
    @RolesAllowed({Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER})
    @Transactional
    @Operation(operationId = "defineScorecard", summary = "Define a program's scorecard",
            description = "Adds a version: weighted KPIs (weights add up to 100) with targets, in force from effectiveFrom "
                    + "(default today); the program's partners are re-scored from that day on (earlier days keep the version "
                    + "they were scored with). "
                    + "If-Match honoured. Roles: prm-admin, channel-manager.")
    @APIResponse(responseCode = "200", description = "The new version; ETag is its number",
            content = @Content(schema = @Schema(implementation = DefinitionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition (unknown KPI, duplicates, weights not adding up to 100)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not prm-admin or channel-manager")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response define(@PathParam("programId") UUID programId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DefinitionView.Request body) {
        var model = body.toModel();
        Invalid.unless("the scorecard definition is not valid", model.problems(), List.of());
        LocalDate today = LocalDate.now(clock);
        LocalDate from = body.effectiveFrom() == null ? today : body.effectiveFrom();
        if (from.isAfter(today)) {
            throw Problems.invalidField("effectiveFrom", "not after today");
        }
        java.time.Instant effective = from.equals(today) ? clock.instant() : from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Definitions.Version version = definitions.define(programId, model, ifMatch, caller.origin(), effective);
        reevaluation.markProgram(programId, from);
        return Response.ok(DefinitionView.of(version)).tag(ETags.tag(version.version())).build();
    }
}
