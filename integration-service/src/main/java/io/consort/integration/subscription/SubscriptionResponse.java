package io.consort.integration.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as the API shows it; the secret only in the answer that creates it. */
@Schema(name = "Subscription", example = """
        {"id": "8d1f7a52-3c4b-4e1a-9f2d-6b7c8d9e0f1a", "url": "https://crm.example.com/hooks/consort",
         "eventTypes": ["partner.activated", "deal.*"], "partnerId": null, "description": "CRM sync",
         "status": "ACTIVE", "disabledReason": null, "disabledAt": null, "previousSecretExpiresAt": null,
         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "createdBy": "crm-sync",
         "createdAt": "2026-12-01T09:30:00Z", "updatedAt": "2026-12-01T09:30:00Z", "version": 0}""")
public record SubscriptionResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true, format = "uri") String url,
        @Schema(required = true) List<String> eventTypes,
        @Schema(nullable = true, format = "uuid", description = "null: every partner's events") UUID partnerId,
        @Schema(nullable = true) String description,
        @Schema(required = true, enumeration = {"ACTIVE", "DISABLED"}) Subscription.Status status,
        @Schema(nullable = true, description = "Why deliveries stopped (410 Gone, a long run of failures, a caller)")
        String disabledReason,
        @Schema(nullable = true, format = "date-time") Instant disabledAt,
        @Schema(nullable = true, format = "date-time",
                description = "Until when the secret before the last rotation still signs beside the current one")
        Instant previousSecretExpiresAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, pattern = "^whsec_[A-Za-z0-9+/=]+$",
                description = "The signing secret (Standard Webhooks): only in the answer to create, never shown again")
        String secret,
        @Schema(required = true) String createdBy,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true, description = "The ETag's value") long version) {

    static SubscriptionResponse of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionResponse of(Subscription s, String secret) {
        return new SubscriptionResponse(s.id, s.url, s.eventTypes(), s.partnerId, s.description, s.status,
                s.disabledReason, s.disabledAt, s.previousSecretExpiresAt, secret, s.createdBy, s.createdAt,
                s.updatedAt, s.version);
    }
}
