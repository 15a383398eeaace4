package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A suspended partner is ACTIVE again. */
public record PartnerReinstated(UUID partnerId, UUID programId, String reinstatedBy, Instant occurredAt) {
}
