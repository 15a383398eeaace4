package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner left ONBOARDING and is ACTIVE in its program. */
public record PartnerActivated(UUID partnerId, UUID programId, String activatedBy, Instant occurredAt) {
}
