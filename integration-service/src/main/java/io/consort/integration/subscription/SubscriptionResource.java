package io.consort.integration.subscription;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PRM_ADMIN, Roles.INTEGRATOR, Roles.PARTNER_ADMIN })
@Tag(name = "Webhook subscriptions", description = "Where the suite sends which events, signed per Standard Webhooks")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Not an integrator, prm-admin or partner-admin",
        content = @Content(mediaType = "application/problem+json"))
public class SubscriptionResource {

    private static final String ROLES = " Allowed: integrator and prm-admin (any subscription), partner-admin (its own partner's).";

    @Inject
    Subscriptions subscriptions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to events",
            description = "Creates a subscription to catalogue event types (deal.won, deal.*, *), optionally for one "
                    + "partner. The answer carries the signing secret (whsec_...), shown this once. The URL must "
                    + "be https in production and never resolve to an internal address." + ROLES)
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it",
            headers = { @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid URL, refused address or unknown event type",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "partnerId names another partner",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = "application/problem+json"))
    public RestResponse<SubscriptionResponse> createWebhookSubscription(@Valid @NotNull SubscriptionRequest body,
            @Context UriInfo uri) {
        Subscriptions.Created created = subscriptions.create(body);
        Subscription s = created.subscription();
        return RestResponse.ResponseBuilder
                .<SubscriptionResponse>created(uri.getBaseUriBuilder().path(SubscriptionResource.class).path(s.id.toString()).build())
                .tag(ETags.tag(s.version))
                .entity(SubscriptionResponse.of(s, created.secret()))
                .build();
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "List webhook subscriptions",
            description = "Oldest first, one cursor page at a time; a partner-admin sees only its partner's." + ROLES)
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or filter",
            content = @Content(mediaType = "application/problem+json"))
    public Page<SubscriptionResponse> listWebhookSubscriptions(@BeanParam PageRequest page,
            @Parameter(description = "Only subscriptions in this state") @QueryParam("status") Subscription.Status status,
            @Parameter(description = "Only this partner's subscriptions")
            @QueryParam("partnerId") UUID partnerId) {
        return subscriptions.list(page, status, partnerId).map(SubscriptionResponse::of);
    }

    @GET
    @Path("event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "List the event types one can subscribe to",
            description = "The event catalogue: each type's short name (what a subscription lists) and CloudEvents type." + ROLES)
    @APIResponseSchema(value = EventTypeList.class, responseCode = "200", responseDescription = "The catalogue")
    public EventTypeList listWebhookEventTypes() {
        return EventTypeList.catalogue();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "Read a webhook subscription",
            description = "Its URL, event types, state (and why it was disabled); never the secret." + ROLES)
    @APIResponse(responseCode = "200", description = "The subscription; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    public RestResponse<SubscriptionResponse> getWebhookSubscription(@PathParam("id") UUID id) {
        return withTag(subscriptions.visible(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceWebhookSubscription", summary = "Change a subscription's URL, event types or description",
            description = "Replaces them; the partner cannot change. If-Match with the ETag last read is honoured (412 when stale)." + ROLES)
    @APIResponse(responseCode = "200", description = "The changed subscription",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such subscription, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<SubscriptionResponse> replaceWebhookSubscription(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull SubscriptionRequest body) {
        return withTag(subscriptions.replace(id, body, ifMatch));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a webhook subscription",
            description = "Stops its deliveries and drops its delivery log. If-Match honoured (412 when stale)." + ROLES)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<Void> deleteWebhookSubscription(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        subscriptions.delete(id, ifMatch);
        return RestResponse.noContent();
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableWebhookSubscription", summary = "Resume a disabled subscription",
            description = "Delivers new events again with its failures forgotten; what it missed comes back with a "
                    + "replay. If-Match honoured." + ROLES)
    @APIResponse(responseCode = "200", description = "The subscription, ACTIVE",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Its URL is refused now", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<SubscriptionResponse> enableWebhookSubscription(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(subscriptions.enable(id, ifMatch));
    }

    @POST
    @Path("{id}/disable")
    @Operation(operationId = "disableWebhookSubscription", summary = "Pause a subscription",
            description = "No more deliveries; those waiting are marked FAILED (a replay brings them back). If-Match honoured." + ROLES)
    @APIResponse(responseCode = "200", description = "The subscription, DISABLED",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<SubscriptionResponse> disableWebhookSubscription(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(subscriptions.disable(id, ifMatch));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a subscription's signing secret",
            description = "Answers the new secret, shown this once. Until the grace period ends every delivery is "
                    + "signed with both, so receivers can switch without losing a delivery. If-Match honoured." + ROLES)
    @APIResponse(responseCode = "200", description = "The new secret and when the old one stops signing",
            content = @Content(schema = @Schema(implementation = SecretRotation.class)))
    @APIResponse(responseCode = "400", description = "Bad grace period", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such subscription, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<SecretRotation> rotateWebhookSecret(@PathParam("id") UUID id,
            @Parameter(description = "How long the old secret keeps signing (ISO-8601, up to P7D; default PT24H)",
                    example = "PT24H")
            @QueryParam("grace") String grace,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return RestResponse.ok(subscriptions.rotateSecret(id, parseGrace(grace), ifMatch));
    }

    private static Duration parseGrace(String grace) {
        if (grace == null || grace.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(grace);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("grace", "must be an ISO-8601 duration such as PT24H");
        }
    }

    private static RestResponse<SubscriptionResponse> withTag(Subscription s) {
        return RestResponse.ResponseBuilder.ok(SubscriptionResponse.of(s)).tag(ETags.tag(s.version)).build();
    }
}
