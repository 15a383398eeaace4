package io.consort.campaign.partner;

import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Operations on the service's event-built read models. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Rebuilding the read models the service builds from events")
public class RebuildResource {

    @Inject
    PartnerViewRebuild rebuild;

    /** What a rebuild did, as the API shows it. */
    @Schema(name = "RebuildReport", description = "What a rebuild of the partner view did",
            examples = "{\"removedRows\":120,\"recordsRead\":2400,\"eventsApplied\":1800,\"recordsSkipped\":600,"
                    + "\"partners\":120,\"startedAt\":\"2026-12-07T01:00:00Z\",\"finishedAt\":\"2026-12-07T01:00:02Z\"}")
    public record RebuildReport(
            @Schema(required = true, description = "rows of the view dropped before the replay", minimum = "0") long removedRows,
            @Schema(required = true, description = "records read from prm.partners and prm.performance", minimum = "0") long recordsRead,
            @Schema(required = true, description = "events applied to the view", minimum = "0") long eventsApplied,
            @Schema(required = true, description = "records of other types, or unreadable ones (the live consumer dead-letters those)", minimum = "0") long recordsSkipped,
            @Schema(required = true, description = "partners in the view afterwards", minimum = "0") long partners,
            @Schema(required = true, format = "date-time") Instant startedAt,
            @Schema(required = true, format = "date-time") Instant finishedAt) {

        static RebuildReport from(PartnerViewRebuild.Report report) {
            return new RebuildReport(report.removedRows(), report.recordsRead(), report.eventsApplied(),
                    report.recordsSkipped(), report.partners(), report.startedAt(), report.finishedAt());
        }
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.PRM_ADMIN)
    @Operation(operationId = "rebuildPartnerView", summary = "Rebuild the partner view from the event topics",
            description = "Empties the partner view (status, profile, contact, tier of each partner) and replays "
                    + "prm.partners and prm.performance from offset zero up to where they ended when the rebuild "
                    + "began; answers when it is done. Live consumption goes on meanwhile. Role: prm-admin.")
    @APIResponseSchema(value = RebuildReport.class, responseCode = "200", responseDescription = "the rebuild is done")
    @APIResponse(responseCode = "409", description = "a rebuild is already running in this instance",
            content = @Content(mediaType = "application/problem+json"))
    public RestResponse<RebuildReport> rebuild() {
        return RestResponse.ok(RebuildReport.from(rebuild.rebuild()));
    }
}
