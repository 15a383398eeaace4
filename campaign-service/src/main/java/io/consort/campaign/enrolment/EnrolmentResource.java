package io.consort.campaign.enrolment;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/campaigns/{campaignId}/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolments", description = "Partners' enrolments in campaigns: co-branding, tracked links, previews")
public class EnrolmentResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EnrolmentService service;

    @POST
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN })
    @Operation(operationId = "enrolInCampaign", summary = "Enrol a partner in a campaign with its co-branding",
            description = "The partner must be eligible now (published, running, targeted at its tier, program, region "
                    + "and specialisations; else 422); gives it a tracked link and publishes campaign.enrolled. A "
                    + "partner-admin enrols its own partner (or a child). Roles: partner-admin, prm-admin, channel-manager.")
    @APIResponseSchema(value = EnrolmentResponse.class, responseCode = "201", responseDescription = "enrolled (Location, ETag)")
    @APIResponse(responseCode = "404", description = "no such campaign or partner visible to the caller", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "enrolled already", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "not eligible", content = @Content(mediaType = PROBLEM))
    public RestResponse<EnrolmentResponse> enrol(@PathParam("campaignId") UUID campaignId,
            @Valid @NotNull EnrolmentRequest body, @Context UriInfo uri) {
        Enrolment enrolment = service.enrol(campaignId, body);
        return RestResponse.ResponseBuilder.<EnrolmentResponse>created(uri.getAbsolutePathBuilder()
                        .path(enrolment.id.toString()).build())
                .entity(service.response(enrolment, null)).tag(ETags.tag(enrolment.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "listEnrolments", summary = "List a campaign's enrolments with their clicks and form fills",
            description = "A partner sees only its own (a partner-admin also its children's). Roles: every role.")
    public Page<EnrolmentResponse> list(@PathParam("campaignId") UUID campaignId, @BeanParam PageRequest page) {
        Page<Enrolment> enrolments = service.list(campaignId, page);
        Map<UUID, long[]> counts = service.engagement(enrolments.items().stream().map(e -> e.id).toList());
        return enrolments.map(e -> service.response(e, counts.get(e.id)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.INTEGRATOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "getEnrolment", summary = "Read an enrolment with its clicks and form fills",
            description = "A partner reads only its own. Roles: every role.")
    @APIResponseSchema(value = EnrolmentResponse.class, responseCode = "200", responseDescription = "the enrolment (ETag)")
    @APIResponse(responseCode = "404", description = "no such enrolment, or not the caller's", content = @Content(mediaType = PROBLEM))
    public RestResponse<EnrolmentResponse> get(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id) {
        Enrolment enrolment = service.get(campaignId, id);
        return RestResponse.ResponseBuilder.ok(service.response(enrolment, service.engagement(List.of(id)).get(id)))
                .tag(ETags.tag(enrolment.version)).build();
    }

    @GET
    @Path("{id}/preview")
    @RolesAllowed({ Roles.PRM_ADMIN, Roles.CHANNEL_MANAGER, Roles.PARTNER_ADMIN, Roles.PARTNER_USER })
    @Operation(operationId = "previewEnrolment", summary = "Every asset rendered with the partner's co-branding",
            description = "Merge fields filled with the enrolment's name, logo and contact (else the partner's), its "
                    + "tracked link; HTML bodies escape those values. Roles: the partner's users, prm-admin, channel-manager.")
    @APIResponseSchema(value = PreviewResponse.class, responseCode = "200", responseDescription = "the rendered assets")
    @APIResponse(responseCode = "404", description = "no such enrolment, or not the caller's", content = @Content(mediaType = PROBLEM))
    public RestResponse<PreviewResponse> preview(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id) {
        return RestResponse.ok(service.preview(campaignId, id));
    }
}
