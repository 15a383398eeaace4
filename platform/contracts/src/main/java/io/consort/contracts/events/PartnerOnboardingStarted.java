package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner exists and is ONBOARDING in its program. */
public record PartnerOnboardingStarted(UUID partnerId, UUID programId, String name, String partnerType,
        String region, Instant occurredAt) {
}
