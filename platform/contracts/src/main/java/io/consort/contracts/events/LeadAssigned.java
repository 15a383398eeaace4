package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A lead was offered to a partner, who must accept it by {@code acceptBy}; {@code attempt} counts offers (1-based). */
public record LeadAssigned(UUID leadId, UUID partnerId, UUID campaignId, Instant acceptBy, int attempt, String reason,
        Instant occurredAt) {
}
