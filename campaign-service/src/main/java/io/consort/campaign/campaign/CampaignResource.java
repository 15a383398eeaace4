package io.consort.campaign.campaign;

import io.consort.campaign.support.ApiErrors;
import io.consort.chassis.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.consort.chassis.paging.QueryParams;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Through-channel campaigns: assets with merge fields, targeting, lifecycle")
public class CampaignResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CampaignService service;

    private static RestResponse<CampaignResponse> ok(Campaign campaign) {
        return RestResponse.ResponseBuilder.ok(CampaignResponse.from(campaign)).tag(ETags.tag(campaign.version)).build();
    }

    @POST
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "createCampaign", summary = "Create a campaign draft",
            description = "Merge fields are checked when it is published. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = CampaignResponse.class, responseCode = "201", responseDescription = "the draft (Location, ETag)")
    public RestResponse<CampaignResponse> create(@Valid @NotNull CampaignRequest body, @Context UriInfo uri) {
        Campaign campaign = service.create(body);
        return RestResponse.ResponseBuilder.<CampaignResponse>created(
                        uri.getBaseUriBuilder().path(CampaignResource.class).path(campaign.id.toString()).build())
                .entity(CampaignResponse.from(campaign)).tag(ETags.tag(campaign.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "listCampaigns", summary = "List campaigns, oldest first",
            description = "The vendor side sees every campaign (filter: state, repeatable or comma-separated). A partner "
                    + "sees the published campaigns its tier, program, region and specialisations make it eligible for, "
                    + "and those it enrolled in. Roles: every role.")
    public Page<CampaignResponse> list(@Parameter(description = "states, repeatable or comma-separated")
            @QueryParam("state") List<String> state, @BeanParam PageRequest page) {
        return service.list(QueryParams.enums("state", state, CampaignState.class), page).map(CampaignResponse::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "getCampaign", summary = "Read a campaign",
            description = "A partner reads only campaigns it is eligible for or enrolled in. Roles: every role.")
    @APIResponseSchema(value = CampaignResponse.class, responseCode = "200", responseDescription = "the campaign (ETag)")
    @APIResponse(responseCode = "404", description = "no such campaign, or not visible to the caller", content = @Content(mediaType = PROBLEM))
    public RestResponse<CampaignResponse> get(@PathParam("id") UUID id) {
        return ok(service.getVisible(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "replaceCampaign", summary = "Replace a campaign draft",
            description = "Only drafts change; If-Match required. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = CampaignResponse.class, responseCode = "200", responseDescription = "the draft (ETag)")
    @APIResponse(responseCode = "404", description = "no such campaign", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "not a draft", content = @Content(mediaType = PROBLEM))
    @Extension(name = ApiDocs.ERRORS, value = ApiErrors.IF_MATCH_REQUIRED)
    public RestResponse<CampaignResponse> replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CampaignRequest body) {
        return ok(service.replace(id, ifMatch, body));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "publishCampaign", summary = "Publish a campaign draft",
            description = "Checks every merge field of every asset (422 naming unknown or malformed ones), then "
                    + "publishes campaign.published. If-Match honoured. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = CampaignResponse.class, responseCode = "200", responseDescription = "published (ETag)")
    @APIResponse(responseCode = "404", description = "no such campaign", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "not a draft", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "unknown or malformed merge fields, or no asset", content = @Content(mediaType = PROBLEM))
    public RestResponse<CampaignResponse> publish(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.publish(id, ifMatch));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "completeCampaign", summary = "Complete a published campaign",
            description = "Its tracked links and form stop; enrolments stay readable. If-Match honoured. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = CampaignResponse.class, responseCode = "200", responseDescription = "completed (ETag)")
    @APIResponse(responseCode = "404", description = "no such campaign", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "not published", content = @Content(mediaType = PROBLEM))
    public RestResponse<CampaignResponse> complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.complete(id, ifMatch));
    }

    @POST
    @Path("{id}/archive")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER })
    @Operation(operationId = "archiveCampaign", summary = "Archive a campaign",
            description = "From any state but ARCHIVED. If-Match honoured. Roles: prm-admin, channel-manager.")
    @APIResponseSchema(value = CampaignResponse.class, responseCode = "200", responseDescription = "archived (ETag)")
    @APIResponse(responseCode = "404", description = "no such campaign", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "archived already", content = @Content(mediaType = PROBLEM))
    public RestResponse<CampaignResponse> archive(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.archive(id, ifMatch));
    }
}
