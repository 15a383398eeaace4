package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The vendor rejected a deal registration, with the reason the partner is told. */
public record DealRejected(UUID dealId, UUID partnerId, String reason, String rejectedBy, Instant occurredAt) {
}
