package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The vendor ended the partnership, for {@code reason}; the partner stays TERMINATED for good. */
public record PartnerTerminated(UUID partnerId, UUID programId, String reason, String terminatedBy,
        Instant occurredAt) {
}
