package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The vendor approved a deal registration: the partner's protection lasts until {@code protectedUntil}. */
public record DealApproved(UUID dealId, UUID partnerId, Money amount, Instant protectedUntil, String approvedBy,
        Instant occurredAt) {
}
