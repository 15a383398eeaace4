package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A certification of a partner's person reached its expiry date; {@code occurredAt} is when that was noticed. */
public record CertificationExpired(UUID certificationId, UUID partnerId, String userId, UUID moduleId, String name,
        Instant expiresAt, Instant occurredAt) {
}
