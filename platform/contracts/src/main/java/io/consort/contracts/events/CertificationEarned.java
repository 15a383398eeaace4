package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner's person passed a module that certifies; {@code expiresAt} is null for a certification that never expires. */
public record CertificationEarned(UUID certificationId, UUID partnerId, String userId, UUID moduleId,
        UUID completionId, String name, Instant expiresAt, Instant occurredAt) {
}
