package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A reviewer approved an application; the partner it created is {@code partnerId}. */
public record ApplicationApproved(UUID applicationId, UUID programId, UUID partnerId, String approvedBy,
        Instant occurredAt) {
}
