package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The vendor suspended an ACTIVE partner, for {@code reason}. */
public record PartnerSuspended(UUID partnerId, UUID programId, String reason, String suspendedBy,
        Instant occurredAt) {
}
