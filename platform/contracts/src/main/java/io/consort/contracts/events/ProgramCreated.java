package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner program was created. Not about one partner, so it carries no partnerId. */
public record ProgramCreated(UUID programId, String name, String partnerTypes, Instant occurredAt) {
}
