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

@Path("/api/v1/mdf/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MDF fund requests", description = "Partners ask for funds from their budget for an activity")
public class MdfRequestResource {

    @Inject
    MdfService service;

    @Inject
    MdfLedger ledger;

    @POST
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitMdfFundRequest", summary = "Request funds from a budget",
            description = "In the budget's currency (another is a 422). Roles: partner-admin, partner-user (their own "
                    + "partner's budget), prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.FundRequest.class, responseCode = "201", responseDescription = "SUBMITTED; Location and ETag")
    @APIResponse(responseCode = "404", description = "Budget unknown or not yours", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    @APIResponse(responseCode = "422", description = "Another currency than the budget's", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    public Response submit(@Valid @NotNull MdfRequests.FundRequest body, @Context UriInfo uri) {
        MdfRequest r = service.submitRequest(body);
        return Response.created(uri.getBaseUriBuilder().path(MdfRequestResource.class).path(r.id.toString()).build())
                .tag(ETags.tag(r.version)).entity(MdfResponses.FundRequest.of(r, BigDecimal.ZERO)).build();
    }

    @GET
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "listMdfFundRequests", summary = "List fund requests, oldest first",
            description = "Filtered by budget, partner and state. Partner-side callers see their own partner's. Roles: every role.")
    @APIResponseSchema(value = MdfResponses.FundRequestPage.class, responseCode = "200", responseDescription = "A page")
    public Page<MdfResponses.FundRequest> list(@BeanParam PageRequest page,
            @Parameter(description = "Only requests against this budget", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("budgetId") UUID budgetId,
            @Parameter(description = "Only this partner's (a partner-side caller sees only its own anyway)", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("partnerId") UUID partnerId,
            @QueryParam("state") MdfRequestState state) {
        Page<MdfRequest> requests = service.requests(page, budgetId, partnerId, state);
        Map<UUID, BigDecimal> claimed = ledger.claimedPerRequest(requests.items().stream().map(r -> r.id).toList());
        return requests.map(r -> MdfResponses.FundRequest.of(r, claimed.get(r.id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "getMdfFundRequest", summary = "Read a fund request",
            description = "With what has been claimed against it. Roles: every role; partner-side callers only their own (404 otherwise).")
    @APIResponseSchema(value = MdfResponses.FundRequest.class, responseCode = "200", responseDescription = "The request; ETag its version")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.request(id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "approveMdfFundRequest", summary = "Approve a fund request (→ APPROVED), committing funds",
            description = "For at most what was asked (default: all of it), until expiresAt (default: the end of the budget's "
                    + "period). More than the budget has available is a 422 naming the remaining balance. Needs If-Match. "
                    + "Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.FundRequest.class, responseCode = "200", responseDescription = "APPROVED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    @APIResponse(responseCode = "422", description = "More than remains (the detail names the remaining balance), or another currency", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, description = "Optional", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MdfRequests.Approve.class)))
            @Valid MdfRequests.Approve body) {
        return ok(service.approveRequest(id, ifMatch, body));
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "returnMdfFundRequest", summary = "Return a fund request to the partner for changes (→ RETURNED)",
            description = "Needs If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.FundRequest.class, responseCode = "200", responseDescription = "RETURNED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response returnRequest(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MdfRequests.Decision body) {
        return ok(service.returnRequest(id, ifMatch, body.note()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectMdfFundRequest", summary = "Reject a fund request (→ REJECTED)",
            description = "Needs If-Match. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.FundRequest.class, responseCode = "200", responseDescription = "REJECTED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public Response reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MdfRequests.Decision body) {
        return ok(service.rejectRequest(id, ifMatch, body.note()));
    }

    @POST
    @Path("{id}/resubmit")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER, Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "resubmitMdfFundRequest", summary = "Resubmit a returned fund request (→ SUBMITTED)",
            description = "Optionally with a changed activity, date or amount. Needs If-Match. Roles: partner-admin, "
                    + "partner-user (their own), prm-admin, channel-manager.")
    @APIResponseSchema(value = MdfResponses.FundRequest.class, responseCode = "200", responseDescription = "SUBMITTED")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    @APIResponse(responseCode = "422", description = "More than remains (the detail names the remaining balance), or another currency", content = @Content(mediaType = MdfBudgetResource.PROBLEM))
    public Response resubmit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = false, description = "Optional", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MdfRequests.Resubmit.class)))
            @Valid MdfRequests.Resubmit body) {
        return ok(service.resubmitRequest(id, ifMatch, body));
    }

    private Response ok(MdfRequest r) {
        return Response.ok(MdfResponses.FundRequest.of(r, ledger.claimedPerRequest(List.of(r.id)).get(r.id)))
                .tag(ETags.tag(r.version)).build();
    }
}
