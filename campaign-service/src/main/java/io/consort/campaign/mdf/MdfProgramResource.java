package io.consort.campaign.mdf;

import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.openapi.ApiDocs;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Extension(name = ApiDocs.ETAG, value = "true")
    public Response get(@PathParam("programId") UUID programId) {
        MdfAllocations.Stored s = allocations.rules(programId);
        return Response.ok(MdfResponses.AllocationRuleSet.of(s.set(), s.rules())).tag(ETags.tag(s.set().version)).build();
    }

    @PUT
    @Path("allocation-rules")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMdfAllocationRules", summary = "Set a program's MDF allocation rules",
            description = "The first time creates them (201 with Location and ETag, no If-Match); afterwards replaces them "
                    + "(200) and needs If-Match with the current ETag. Every PUT is a new version, kept and readable under "
                    + "/versions. Fund requests and claims submitted or approved from then on are checked against the new "
                    + "version; budgets already allocated keep their amounts. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.AllocationRuleSet.class, responseCode = "200",
            responseDescription = "Replaced: the new version (ETag)")
    @APIResponse(responseCode = "201", description = "Created: the first version (Location, ETag)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MdfResponses.AllocationRuleSet.class)))
    @Extension(name = ApiDocs.ETAG, value = "true")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response put(@PathParam("programId") UUID programId,
            @Parameter(description = "The rules' current ETag; required once they exist") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MdfRequests.AllocationRuleSet body, @Context UriInfo uri) {
        MdfAllocations.Stored s = allocations.put(programId, ifMatch, body);
        Response.ResponseBuilder answer = s.created() ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return answer.entity(MdfResponses.AllocationRuleSet.of(s.set(), s.rules())).tag(ETags.tag(s.set().version)).build();
    }

    @GET
    @Path("allocation-rules/versions")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "listMdfAllocationRuleVersions", summary = "Every version a program's MDF allocation rules had",
            description = "Oldest first, each as it read while it was current (updatedBy and updatedAt: who wrote that "
                    + "version and when). The ledger note of an allocated budget, an approved request or an approved claim "
                    + "names the version it was checked against. Roles: every role; partner-side callers only their own "
                    + "program's (404 otherwise).")
    public List<MdfResponses.AllocationRuleSet> versions(@PathParam("programId") UUID programId) {
        return allocations.versions(programId).stream()
                .map(v -> MdfResponses.AllocationRuleSet.of(v, allocations.rulesOf(v))).toList();
    }

    @GET
    @Path("allocation-rules/versions/{version}")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "getMdfAllocationRuleVersion", summary = "Read one version of a program's MDF allocation rules",
            description = "As it read while it was current; a version never changes. Roles: every role; partner-side "
                    + "callers only their own program's (404 otherwise).")
    @APIResponseSchema(value = MdfResponses.AllocationRuleSet.class, responseCode = "200", responseDescription = "That version; ETag its number")
    @Extension(name = ApiDocs.ETAG, value = "true")
    public Response version(@PathParam("programId") UUID programId,
            @Parameter(description = "A version number, as the rules' `version` and the ledger notes give it")
            @PathParam("version") @Min(0) long version) {
        MdfAllocationRuleVersion v = allocations.version(programId, version);
        return Response.ok(MdfResponses.AllocationRuleSet.of(v, allocations.rulesOf(v))).tag(ETags.tag(v.version)).build();
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
