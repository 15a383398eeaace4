package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Somebody applied to a program. The applicant's contact details stay in recruitment. */
public record ApplicationSubmitted(UUID applicationId, UUID programId, String companyName, String region,
        Instant occurredAt) {
}
