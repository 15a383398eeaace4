package io.consort.integration.delivery;

import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/webhooks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PRM_ADMIN, Roles.INTEGRATOR, Roles.PARTNER_ADMIN })
@Tag(name = "Webhook deliveries", description = "A subscription's delivery log, redelivery, replay and test ping")
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Not an integrator, prm-admin or partner-admin",
        content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "404", description = "No such subscription (or delivery), or not yours",
        content = @Content(mediaType = "application/problem+json"))
public class DeliveryResource {

    private static final String ROLES = " Allowed: integrator and prm-admin (any subscription), partner-admin (its own partner's).";

    @Inject
    Deliveries deliveries;

    @GET
    @Path("deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's delivery log",
            description = "Each event sent or to be sent: status, attempts, the last answer's code and time, the last "
                    + "error. Oldest first, one cursor page at a time." + ROLES)
    @APIResponse(responseCode = "200", description = "One page of the log")
    @APIResponse(responseCode = "400", description = "Bad limit, cursor or filter",
            content = @Content(mediaType = "application/problem+json"))
    public Page<DeliveryResponse> listWebhookDeliveries(@PathParam("id") UUID id, @BeanParam PageRequest page,
            @Parameter(description = "Only deliveries in this state") @QueryParam("status") Delivery.Status status) {
        return deliveries.log(id, page, status).map(DeliveryResponse::of);
    }

    @GET
    @Path("deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery of a subscription", description = "Its log line." + ROLES)
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    public RestResponse<DeliveryResponse> getWebhookDelivery(@PathParam("id") UUID id,
            @PathParam("deliveryId") UUID deliveryId) {
        return RestResponse.ok(DeliveryResponse.of(deliveries.get(id, deliveryId)));
    }

    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send one delivery again",
            description = "Queues it now with a fresh set of attempts, delivered or not; the receiver sees the same "
                    + "webhook-id (the event id) and may drop it as a duplicate." + ROLES)
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "409", description = "The subscription is disabled, or the delivery is being sent right now",
            content = @Content(mediaType = "application/problem+json"))
    public RestResponse<DeliveryResponse> redeliverWebhookDelivery(@PathParam("id") UUID id,
            @PathParam("deliveryId") UUID deliveryId) {
        return RestResponse.status(RestResponse.Status.ACCEPTED, DeliveryResponse.of(deliveries.redeliver(id, deliveryId)));
    }

    @POST
    @Path("replay")
    @Operation(operationId = "replayWebhookDeliveries", summary = "Send everything since a time again",
            description = "Queues every kept event since the given time that the subscription matches, whether it was "
                    + "delivered, failed, or came while the subscription was disabled or did not exist yet." + ROLES)
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = ReplayResult.class)))
    @APIResponse(responseCode = "400", description = "since missing or not an RFC 3339 time",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The subscription is disabled", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<ReplayResult> replayWebhookDeliveries(@PathParam("id") UUID id,
            @Parameter(required = true, description = "RFC 3339 time: events that occurred at or after it",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"), example = "2026-12-01T00:00:00Z")
            @QueryParam("since") String since) {
        Instant from = parseSince(since);
        return RestResponse.status(RestResponse.Status.ACCEPTED, new ReplayResult(from, deliveries.replay(id, from)));
    }

    @POST
    @Path("test")
    @Operation(operationId = "testWebhookSubscription", summary = "Send a ping to the subscription's URL",
            description = "Queues a consort.webhook.ping.v1 event, signed and logged like any delivery; follow it with "
                    + "the delivery's Location." + ROLES)
    @APIResponse(responseCode = "202", description = "Queued",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "409", description = "The subscription is disabled", content = @Content(mediaType = "application/problem+json"))
    public RestResponse<DeliveryResponse> testWebhookSubscription(@PathParam("id") UUID id, @Context UriInfo uri) {
        Delivery ping = deliveries.ping(id);
        return RestResponse.ResponseBuilder.<DeliveryResponse>create(RestResponse.Status.ACCEPTED)
                .location(uri.getBaseUriBuilder().path("api/v1/webhooks").path(id.toString()).path("deliveries")
                        .path(ping.id.toString()).build())
                .entity(DeliveryResponse.of(ping))
                .build();
    }

    private static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            throw Problems.invalidField("since", "is required: an RFC 3339 time such as 2026-12-01T00:00:00Z");
        }
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("since", "must be an RFC 3339 time such as 2026-12-01T00:00:00Z");
        }
    }
}
