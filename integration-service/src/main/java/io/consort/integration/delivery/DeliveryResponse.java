package io.consort.integration.delivery;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a subscription's delivery log. */
@Schema(name = "Delivery", example = """
        {"id": "2c9d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "subscriptionId": "8d1f7a52-3c4b-4e1a-9f2d-6b7c8d9e0f1a",
         "eventId": "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e", "eventType": "consort.deal.won.v1", "status": "DELIVERED",
         "attempts": 1, "nextAttemptAt": null, "lastAttemptAt": "2026-12-01T09:30:01Z", "lastStatusCode": 200,
         "lastDurationMs": 42, "lastError": null, "deliveredAt": "2026-12-01T09:30:01Z",
         "createdAt": "2026-12-01T09:30:00Z"}""")
public record DeliveryResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, format = "uuid") UUID subscriptionId,
        @Schema(required = true, format = "uuid", description = "The event's id: the webhook-id header, the receiver's idempotency key")
        UUID eventId,
        @Schema(required = true, description = "The CloudEvents type") String eventType,
        @Schema(required = true, enumeration = {"PENDING", "IN_FLIGHT", "DELIVERED", "FAILED"}) Delivery.Status status,
        @Schema(required = true, minimum = "0", description = "Attempts since it was queued (or redelivered)") int attempts,
        @Schema(nullable = true, format = "date-time", description = "When it is tried next, while PENDING") Instant nextAttemptAt,
        @Schema(nullable = true, format = "date-time") Instant lastAttemptAt,
        @Schema(nullable = true, description = "The receiver's last status code; null when no answer came") Integer lastStatusCode,
        @Schema(nullable = true, description = "How long the last attempt took") Integer lastDurationMs,
        @Schema(nullable = true, description = "What went wrong last, with the start of the receiver's answer") String lastError,
        @Schema(nullable = true, format = "date-time") Instant deliveredAt,
        @Schema(required = true, format = "date-time") Instant createdAt) {

    static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(d.id, d.subscriptionId, d.eventId, d.eventType, d.status, d.attempts,
                d.nextAttemptAt, d.lastAttemptAt, d.lastStatusCode, d.lastDurationMs, d.lastError, d.deliveredAt,
                d.createdAt);
    }
}
