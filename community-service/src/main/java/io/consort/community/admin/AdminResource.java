package io.consort.community.admin;

import io.consort.chassis.security.Roles;
import io.consort.community.membership.MembershipRebuild;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Operations on the read models community builds from events. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Rebuilding what community builds from events")
@RolesAllowed(Roles.PRM_ADMIN)
public class AdminResource {

    /** What a rebuild did. */
    @Schema(name = "RebuildReport", example = """
            {"eventsRead": 1204, "eventsApplied": 987, "members": 112, "finishedAt": "2026-12-07T01:00:00Z"}""")
    public record RebuildReport(
            @Schema(required = true, description = "Records read from prm.partners and prm.performance", example = "1204")
            long eventsRead,
            @Schema(required = true, description = "Distinct events memberships are built from", example = "987")
            long eventsApplied,
            @Schema(required = true, description = "Members after the rebuild", example = "112") long members,
            @Schema(required = true, example = "2026-12-07T01:00:00Z") Instant finishedAt) {
    }

    @Inject
    MembershipRebuild rebuild;

    @POST
    @Path("rebuild")
    @Operation(operationId = "rebuildMemberships", summary = "Rebuild memberships from offset zero",
            description = "prm-admin only. Replaces every membership by folding prm.partners and prm.performance from "
                    + "offset zero to their current end, each event once; the live consumers wait meanwhile.")
    @APIResponse(responseCode = "200", description = "Rebuilt")
    @APIResponse(responseCode = "401", description = "No or bad token")
    @APIResponse(responseCode = "403", description = "Not prm-admin")
    @APIResponse(responseCode = "503", description = "The topics could not be read to their end in time")
    public RestResponse<RebuildReport> rebuild() {
        MembershipRebuild.Report report = rebuild.rebuild();
        return RestResponse.ok(new RebuildReport(report.eventsRead(), report.eventsApplied(), report.members(),
                report.finishedAt()));
    }
}
