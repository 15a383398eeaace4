package io.consort.campaign.lead;

import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.consort.chassis.paging.QueryParams;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.security.CallerScope;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.chassis.idempotency.IdempotencyFilter;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Leads, their routing to partners, the partners' answers and the routing history")
public class LeadResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    LeadService service;

    @Inject
    CallerScope caller;

    @Inject
    LeadBulkImport bulk;

    private RestResponse<LeadResponse> one(Lead lead, RestResponse.Status status, URI location) {
        LeadResponse body = LeadResponse.from(lead, caller.isRestricted());
        RestResponse.ResponseBuilder<LeadResponse> builder = location != null
                ? RestResponse.ResponseBuilder.created(location) : RestResponse.ResponseBuilder.create(status);
        return builder.entity(body).tag(ETags.tag(lead.version)).build();
    }

    private static URI location(UriInfo uri, Lead lead) {
        return uri.getBaseUriBuilder().path(LeadResource.class).path(lead.id.toString()).build();
    }

    @POST
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "createLead", summary = "Hand in a lead; it is routed at once",
            description = "Creates a lead (source VENDOR, or INTEGRATOR for an integrator's token), publishes "
                    + "lead.created and offers it to a partner by the routing rules (OFFERED), or leaves it UNROUTED. "
                    + "Roles: prm-admin, channel-manager, integrator.")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "201", responseDescription = "created and routed (Location, ETag)")
    public RestResponse<LeadResponse> create(@Valid @NotNull LeadRequest body, @Context UriInfo uri) {
        Lead lead = service.createByVendor(body);
        return one(lead, RestResponse.Status.CREATED, location(uri, lead));
    }

    @POST
    @Path("bulk")
    @Consumes(ApiDocs.NDJSON)
    @Produces(ApiDocs.NDJSON)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @RequestBody(required = true, description = "One LeadBulkLine per line; a line with externalSystem and externalId "
            + "creates or updates the lead that system knows by it", content = @Content(mediaType = ApiDocs.NDJSON,
                    schema = @Schema(implementation = LeadBulkLine.class)))
    @APIResponse(responseCode = "200", description = "One result line per input line, in input order",
            content = @Content(mediaType = ApiDocs.NDJSON, schema = @Schema(implementation = BulkLineResult.class)))
    @Extension(name = ApiDocs.ERRORS, value = "413")
    @Operation(operationId = "importLeads", summary = "Import leads in bulk (NDJSON)",
            description = "Up to 100,000 leads, one JSON object per line, one result line (CREATED, UPDATED or FAILED "
                    + "with the errors) per input line; a bad line never fails the others. A line with an external id "
                    + "is an upsert as PUT /api/v1/leads/by-external-id/{system}/{externalId} is (no If-Match); "
                    + "created leads are published and routed at once, as single leads are. With an Idempotency-Key "
                    + "a retry replays what was stored and stores only the rest. Roles: prm-admin, channel-manager, "
                    + "integrator.")
    public Response importBulk(InputStream body, @HeaderParam(IdempotencyFilter.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        return bulk.importLines(body, service.callerSource(), caller.origin(), idempotencyKey, uri);
    }

    @PUT
    @Path("by-external-id/{system}/{externalId}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR })
    @Operation(operationId = "upsertLeadByExternalId", summary = "Create or update a lead by a CRM's id",
            description = "Creates the lead (201, routed at once) or updates what describes it (200: company, "
                    + "contact, region, need; not its routing). If-Match honoured. Roles: prm-admin, channel-manager, integrator.")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "updated (ETag)")
    @APIResponse(responseCode = "201", description = "created and routed (Location, ETag)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadResponse.class)))
    public RestResponse<LeadResponse> upsert(
            @PathParam("system") @Size(min = 1, max = 60) @Pattern(regexp = "[A-Za-z0-9_.-]+") String system,
            @PathParam("externalId") @Size(min = 1, max = 200) String externalId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LeadRequest body, @Context UriInfo uri) {
        LeadService.Upsert result = service.upsert(system, externalId, ifMatch, body);
        return result.created() ? one(result.lead(), RestResponse.Status.CREATED, location(uri, result.lead()))
                : one(result.lead(), RestResponse.Status.OK, null);
    }

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "listLeads", summary = "List leads, oldest first",
            description = "Filters: partnerId (the partner holding them; the partner 360 reads open leads with it) and "
                    + "state (repeatable or comma-separated). A partner sees only the leads it holds, without contact "
                    + "details before it accepted; another partner's id is a 404. Roles: every role.")
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.PARTNER_FILTER)
    public Page<LeadResponse> list(
            @Parameter(description = "the partner holding the leads", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("partnerId") String partnerId,
            @Parameter(description = "states, repeatable or comma-separated (e.g. OFFERED,ACCEPTED)")
            @QueryParam("state") List<String> state, @BeanParam PageRequest page) {
        boolean partnerView = caller.isRestricted();
        return service.list(QueryParams.uuid("partnerId", partnerId), QueryParams.enums("state", state, LeadState.class),
                page).map(lead -> LeadResponse.from(lead, partnerView));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "getLead", summary = "Read a lead",
            description = "A partner reads only a lead it holds, and its contact only after accepting. Roles: every role.")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "the lead (ETag)")
    @APIResponse(responseCode = "404", description = "no such lead, or not the caller's", content = @Content(mediaType = PROBLEM))
    public RestResponse<LeadResponse> get(@PathParam("id") UUID id) {
        return one(service.get(id), RestResponse.Status.OK, null);
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "acceptLead", summary = "Accept the lead offered to the caller's partner",
            description = "Before acceptBy; reveals the contact and publishes lead.accepted. If-Match honoured. "
                    + "Roles: partner-admin, partner-user of the partner it is offered to.")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "accepted (ETag)")
    @APIResponse(responseCode = "404", description = "no such lead, or not offered to the caller", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "not offered any more, or the offer expired", content = @Content(mediaType = PROBLEM))
    public RestResponse<LeadResponse> accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return one(service.accept(id, ifMatch), RestResponse.Status.OK, null);
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed({ Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "declineLead", summary = "Decline the lead offered to the caller's partner",
            description = "Publishes lead.rejected (DECLINED) and routes the lead on, never back to this partner; "
                    + "the caller no longer sees it. If-Match honoured. Roles: partner-admin, partner-user of the "
                    + "partner it is offered to.")
    @APIResponse(responseCode = "204", description = "declined and routed on")
    @APIResponse(responseCode = "404", description = "no such lead, or not offered to the caller", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "not offered any more", content = @Content(mediaType = PROBLEM))
    public RestResponse<Void> decline(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LeadActions.Reason body) {
        service.decline(id, ifMatch, body.reason());
        return RestResponse.noContent();
    }

    @POST
    @Path("{id}/convert")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "convertLead", summary = "Record that an accepted lead became an opportunity",
            description = "ACCEPTED → CONVERTED, optionally naming the deal registration; publishes lead.converted. "
                    + "Roles: the holding partner's partner-admin/partner-user, prm-admin, channel-manager.")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "converted (ETag)")
    @APIResponse(responseCode = "404", description = "no such lead, or not the caller's", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "not accepted", content = @Content(mediaType = PROBLEM))
    public RestResponse<LeadResponse> convert(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LeadActions.Conversion body) {
        return one(service.convert(id, ifMatch, body.dealId()), RestResponse.Status.OK, null);
    }

    @POST
    @Path("{id}/lose")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "loseLead", summary = "Record that an accepted lead was lost",
            description = "ACCEPTED → LOST with the reason; publishes lead.lost. Roles: the holding partner's "
                    + "partner-admin/partner-user, prm-admin, channel-manager.")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "lost (ETag)")
    @APIResponse(responseCode = "404", description = "no such lead, or not the caller's", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "not accepted", content = @Content(mediaType = PROBLEM))
    public RestResponse<LeadResponse> lose(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LeadActions.Reason body) {
        return one(service.lose(id, ifMatch, body.reason()), RestResponse.Status.OK, null);
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "assignLead", summary = "Offer a lead to a partner by hand",
            description = "For a NEW, UNROUTED or OFFERED lead (the current offer is replaced); the partner must be "
                    + "ACTIVE. Publishes lead.assigned. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = LeadResponse.class, responseCode = "200", responseDescription = "offered (ETag)")
    @APIResponse(responseCode = "404", description = "no such lead", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "accepted or closed already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "not an active partner", content = @Content(mediaType = PROBLEM))
    public RestResponse<LeadResponse> assign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull LeadActions.Assignment body) {
        return one(service.assign(id, ifMatch, body.partnerId()), RestResponse.Status.OK, null);
    }

    @GET
    @Path("{id}/routing-history")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "getLeadRoutingHistory", summary = "Why the lead went where it went",
            description = "Every routing decision in order, with its reason and rule version. A partner holding the "
                    + "lead sees the entries about itself only. Roles: every role.")
    public List<LeadActions.Decision> history(@PathParam("id") UUID id) {
        return service.history(id).stream().map(LeadActions.Decision::from).toList();
    }
}
