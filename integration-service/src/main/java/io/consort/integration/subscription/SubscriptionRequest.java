package io.consort.integration.subscription;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a subscriber sends to create or replace a subscription. */
@Schema(name = "SubscriptionRequest", example = """
        {"url": "https://crm.example.com/hooks/consort", "eventTypes": ["partner.activated", "deal.*"],
         "partnerId": null, "description": "CRM sync"}""")
public record SubscriptionRequest(
        @Schema(required = true, maxLength = 2048, format = "uri",
                description = "Where to POST the events: https in production, never an internal address")
        @NotBlank @Size(max = 2048) String url,
        @Schema(required = true, minItems = 1, maxItems = 50,
                description = "Catalogue event types (partner.activated), an entity's types (deal.*), or * for all")
        @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 100) String> eventTypes,
        @Schema(nullable = true, format = "uuid",
                description = "Only this partner's events; a partner-admin's subscription is always its own partner's")
        UUID partnerId,
        @Schema(nullable = true, maxLength = 500) @Size(max = 500) String description) {
}
