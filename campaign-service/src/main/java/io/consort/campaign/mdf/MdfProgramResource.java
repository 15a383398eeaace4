package io.consort.campaign.mdf;

import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/mdf/programs/{programId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MDF programs", description = "A program's MDF allocation rules, and budgets allocated from them")
public class MdfProgramResource {

    @Inject
    MdfAllocations allocations;

    @GET
    @Path("allocation-rules")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "getMdfAllocationRules", summary = "Read a program's MDF allocation rules",
            description = "Per tier the allocation for a period (fixed, plus a capped percentage of the prior period's won "
                    + "revenue), the vendor's share of a claim, the lead time of a fund request, the eligible activity "
                    + "types and the largest share of a budget per request. Roles: every role; partner-side callers only "
                    + "their own program's (404 otherwise).")
    @APIResponseSchema(value = MdfResponses.AllocationRuleSet.class, responseCode = "200", responseDescription = "The rules; ETag their version")
    public Response get(@PathParam("programId") UUID programId) {
        MdfAllocations.Stored s = allocations.rules(programId);
        return Response.ok(MdfResponses.AllocationRuleSet.of(s.set(), s.rules())).tag(ETags.tag(s.set().version)).build();
    }

    @PUT
    @Path("allocation-rules")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMdfAllocationRules", summary = "Set a program's MDF allocation rules",
            description = "The first time creates them (201, no If-Match); afterwards replaces them and needs If-Match "
                    + "with the current ETag. Fund requests and claims submitted from then on are checked against the new "
                    + "version; budgets already allocated keep their amounts. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.AllocationRuleSet.class, responseCode = "200",
            responseDescription = "Replaced (201 when created); ETag the new version")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response put(@PathParam("programId") UUID programId,
            @Parameter(description = "The rules' current ETag; required once they exist") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MdfRequests.AllocationRuleSet body) {
        MdfAllocations.Stored s = allocations.put(programId, ifMatch, body);
        return Response.status(s.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(MdfResponses.AllocationRuleSet.of(s.set(), s.rules())).tag(ETags.tag(s.set().version)).build();
    }

    @POST
    @Path("allocate")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "allocateMdfProgram", summary = "Open a period's budgets from the program's allocation rules",
            description = "One budget per ACTIVE partner of the program (as the partner view knows it) that has none for "
                    + "the period, allocated by its tier's rule through an ALLOCATED ledger entry naming the rules' version "
                    + "and how the amount was reached. Idempotent by nature: a second run skips the partners already funded. "
                    + "Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.AllocationRun.class, responseCode = "200", responseDescription = "What was allocated and skipped")
    public MdfResponses.AllocationRun allocate(@PathParam("programId") UUID programId, @Valid @NotNull MdfRequests.Allocate body) {
        return allocations.allocate(programId, body);
    }
}
