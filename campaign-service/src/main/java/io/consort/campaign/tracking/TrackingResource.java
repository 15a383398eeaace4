package io.consort.campaign.tracking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.consort.campaign.campaign.Campaign;
import io.consort.campaign.campaign.CampaignState;
import io.consort.campaign.enrolment.Enrolment;
import io.consort.campaign.lead.Lead;
import io.consort.campaign.lead.LeadRequest;
import io.consort.campaign.lead.LeadService;
import io.consort.campaign.support.Timestamps;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.events.CampaignEngagementRecorded;
import io.consort.contracts.events.LeadCreated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public side of a campaign: tracked links and the response form. No token; each limited per
 * client address; neither tells anything about partners or routing.
 */
@Path("/")
@Tag(name = "Tracking", description = "Public tracked links and the campaign response form (no token, rate limited)")
@SecurityRequirementsSet({})
public class TrackingResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    LeadService leads;

    @Inject
    Engagements engagements;

    @GET
    @Path("t/{token}")
    @RateLimited("tracked-links")
    @Transactional
    @Operation(operationId = "followTrackedLink", summary = "Follow a partner's tracked link",
            description = "Records a click for the campaign and the partner and redirects (302) to the campaign's "
                    + "landing page with ?ref= the link's token, which the landing page's form sends back. Public: no "
                    + "token needed; rate limited per client address.")
    @APIResponse(responseCode = "302", description = "to the landing page",
            headers = @Header(name = "Location", description = "the landing page with ref",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "404", description = "no such link, or its campaign is not running",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "too many requests from this address (Retry-After)",
            content = @Content(mediaType = PROBLEM))
    public Response follow(@PathParam("token") String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{1,40}")) {
            throw Problems.notFound("link " + token + " not found");
        }
        Enrolment enrolment = Enrolment.<Enrolment>find("token", token).firstResult();
        Campaign campaign = enrolment == null ? null : Campaign.findById(enrolment.campaignId);
        if (campaign == null || campaign.state != CampaignState.PUBLISHED) {
            throw Problems.notFound("link " + token + " not found");
        }
        engagements.record(campaign.id, enrolment, CampaignEngagementRecorded.Kind.CLICK, null, Timestamps.now());
        String separator = campaign.landingUrl.contains("?") ? "&" : "?";
        return Response.status(Response.Status.FOUND)
                .location(URI.create(campaign.landingUrl + separator + "ref=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
    }

    @POST
    @Path("api/v1/forms/{campaignId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited("forms")
    @Transactional
    @Operation(operationId = "submitLeadForm", summary = "Send a campaign's response form",
            description = "Creates a lead (source FORM) for the campaign, attributed to the partner whose tracked link "
                    + "the ref names, routes it (first to that partner when it may take it) and records a form fill. "
                    + "Honours Idempotency-Key (use a UUID). Public: no token needed; rate limited per client address.")
    @APIResponseSchema(value = FormReceipt.class, responseCode = "201", responseDescription = "received")
    @APIResponse(responseCode = "404", description = "no such running campaign", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "429", description = "too many requests from this address (Retry-After)",
            content = @Content(mediaType = PROBLEM))
    public RestResponse<FormReceipt> submit(@PathParam("campaignId") UUID campaignId, @Valid @NotNull FormRequest form,
            @Context UriInfo uri) {
        Campaign campaign = Campaign.findById(campaignId);
        if (campaign == null || campaign.state != CampaignState.PUBLISHED) {
            throw Problems.notFound("campaign", campaignId);
        }
        // A ref that names no enrolment of this campaign (a mangled link) still gives the vendor its lead, unattributed.
        Enrolment via = form.ref() == null || form.ref().isBlank() ? null
                : Enrolment.<Enrolment>find("token = ?1 and campaignId = ?2", form.ref(), campaignId).firstResult();
        Lead lead = leads.create(new LeadRequest(form.company(), form.contactName(), form.email(), form.phone(),
                form.region(), form.specialisation(), form.need(), campaignId),
                new LeadService.Origin(LeadCreated.Source.FORM, null, null, via == null ? null : via.partnerId, "form"));
        Instant now = lead.createdAt;
        engagements.record(campaignId, via, CampaignEngagementRecorded.Kind.FORM_FILL, lead.id, now);
        return RestResponse.ResponseBuilder.<FormReceipt>created(
                        uri.getBaseUriBuilder().path("api/v1/leads").path(lead.id.toString()).build())
                .entity(new FormReceipt(lead.id, campaignId, now)).build();
    }
}
