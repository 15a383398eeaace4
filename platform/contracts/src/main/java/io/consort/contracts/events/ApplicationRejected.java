package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A reviewer rejected an application, with the reason given to the applicant. */
public record ApplicationRejected(UUID applicationId, UUID programId, String reason, String rejectedBy,
        Instant occurredAt) {
}
