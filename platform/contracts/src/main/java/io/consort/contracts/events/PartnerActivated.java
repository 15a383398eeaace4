package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner finished onboarding and is ACTIVE. */
public record PartnerActivated(UUID partnerId, UUID programId, String name, String partnerType, String region,
        String activatedBy, Instant occurredAt) {
}
