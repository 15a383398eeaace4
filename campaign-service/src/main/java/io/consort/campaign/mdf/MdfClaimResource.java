package io.consort.campaign.mdf;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/mdf/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MDF claims", description = "Partners claim approved funds with proof of performance; the vendor pays")
public class MdfClaimResource {

    @Inject
    MdfService service;

    @POST
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitMdfClaim", summary = "Claim funds against an approved request",
            description = "With the invoice number and links to the proof; the request must be APPROVED and running, the "
                    + "amount in its currency and within what remains of it. Roles: partner-admin, partner-user (their own), "
                    + "prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.Claim.class, responseCode = "201", responseDescription = "SUBMITTED; Location and ETag")
    @APIResponse(responseCode = "404", description = "Request unknown or not yours", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    @APIResponse(responseCode = "409", description = "The request is not APPROVED or has expired; the invoice is already claimed", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    @APIResponse(responseCode = "422", description = "More than remains (the detail names the remaining balance), or another currency", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    public Response submit(@Valid @NotNull MdfRequests.Claim body, @Context UriInfo uri) {
        MdfClaim c = service.submitClaim(body);
        return Response.created(uri.getBaseUriBuilder().path(MdfClaimResource.class).path(c.id.toString()).build())
                .tag(ETags.tag(c.version)).entity(MdfResponses.Claim.of(c)).build();
    }

    @GET
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "listMdfClaims", summary = "List claims, oldest first",
            description = "Filtered by request, partner and state. Partner-side callers see their own partner's. Roles: every role.")
    @APIResponseSchema(value = MdfResponses.ClaimPage.class, responseCode = "200", responseDescription = "A page")
    public Page<MdfResponses.Claim> list(@BeanParam PageRequest page,
            @Parameter(description = "Only claims against this fund request", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("requestId") UUID requestId,
            @Parameter(description = "Only this partner's (a partner-side caller sees only its own anyway)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("partnerId") UUID partnerId,
            @QueryParam("state") MdfClaimState state) {
        return service.claims(page, requestId, partnerId, state).map(MdfResponses.Claim::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "getMdfClaim", summary = "Read a claim",
            description = "Roles: every role; partner-side callers only their own (404 otherwise).")
    @APIResponseSchema(value = MdfResponses.Claim.class, responseCode = "200", responseDescription = "The claim; ETag its version")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.claim(id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "approveMdfClaim", summary = "Approve a claim (→ APPROVED)",
            description = "For at most what was claimed (default: all of it); more than remains of the request's approved "
                    + "amount is a 422 naming the remainder. Needs If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.Claim.class, responseCode = "200", responseDescription = "APPROVED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    @APIResponse(responseCode = "422", description = "More than remains (the detail names the remaining balance), or another currency", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, description = "Optional", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MdfRequests.ApproveClaim.class)))
            @Valid MdfRequests.ApproveClaim body) {
        return ok(service.approveClaim(id, ifMatch, body));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectMdfClaim", summary = "Reject a claim (→ REJECTED)",
            description = "Needs If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.Claim.class, responseCode = "200", responseDescription = "REJECTED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MdfRequests.Decision body) {
        return ok(service.rejectClaim(id, ifMatch, body.note()));
    }

    @POST
    @Path("{id}/pay")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "payMdfClaim", summary = "Record an approved claim as paid (→ PAID), once",
            description = "A second payment is a 409. Needs If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.Claim.class, responseCode = "200", responseDescription = "PAID")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response pay(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, description = "Optional", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MdfRequests.Pay.class)))
            @Valid MdfRequests.Pay body) {
        return ok(service.payClaim(id, ifMatch, body));
    }

    private static Response ok(MdfClaim c) {
        return Response.ok(MdfResponses.Claim.of(c)).tag(ETags.tag(c.version)).build();
    }
}
