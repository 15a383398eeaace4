package io.consort.performance.admin;

import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PRM_ADMIN)
@Tag(name = "Admin", description = "Rebuilding the read models from the event topics")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    /** The API form of a rebuild's status. */
    @Schema(name = "RebuildStatus", description = "A rebuild of the read models from offset zero",
            example = "{\"id\": \"7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a\", \"state\": \"DONE\", \"startedAt\": \"2026-11-27T10:00:00Z\", "
                    + "\"finishedAt\": \"2026-11-27T10:01:00Z\", \"records\": 120000, \"facts\": 118000, \"partners\": 400, \"error\": null}")
    public record StatusView(
            @Schema(required = true, example = "7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a") UUID id,
            @Schema(required = true, enumeration = {"RUNNING", "DONE", "FAILED"}, example = "DONE") String state,
            @Schema(required = true, example = "2026-11-27T10:00:00Z") Instant startedAt,
            @Schema(nullable = true, example = "2026-11-27T10:01:00Z") Instant finishedAt,
            @Schema(required = true, description = "Records read from the topics", example = "120000") long records,
            @Schema(required = true, description = "Distinct facts kept", example = "118000") long facts,
            @Schema(required = true, description = "Partners evaluated", example = "400") long partners,
            @Schema(nullable = true, example = "null") String error) {

        static StatusView of(Rebuild.Status s) {
            return new StatusView(s.id(), s.state(), s.startedAt(), s.finishedAt(), s.records(), s.facts(), s.partners(),
                    s.error());
        }
    }

    @POST
    @Operation(operationId = "startRebuild", summary = "Rebuild the read models from offset zero",
            description = "Re-reads prm.partners, prm.community and prm.campaigns from the start into a copy of the facts, "
                    + "scorecards and daily history, while the service keeps answering from the current ones; then switches "
                    + "in one transaction. Answers at once; follow it with GET. Role: prm-admin.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not prm-admin")
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    public Response start(@Context UriInfo uri) {
        Rebuild.Status started = rebuild.start();
        if (started == null) {
            throw Problems.conflict("a rebuild is already running");
        }
        return Response.accepted(StatusView.of(started)).location(uri.getAbsolutePath())
                .header("Retry-After", Duration.ofSeconds(5).toSeconds()).build();
    }

    @GET
    @Operation(operationId = "getRebuild", summary = "Get the latest rebuild's status",
            description = "RUNNING, DONE (with what it read) or FAILED (the live models untouched). Role: prm-admin.")
    @APIResponse(responseCode = "200", description = "The latest rebuild",
            content = @Content(schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not prm-admin")
    @APIResponse(responseCode = "404", description = "No rebuild since the service started")
    public StatusView status() {
        Rebuild.Status status = rebuild.status();
        if (status == null) {
            throw Problems.notFound("no rebuild since the service started");
        }
        return StatusView.of(status);
    }
}
