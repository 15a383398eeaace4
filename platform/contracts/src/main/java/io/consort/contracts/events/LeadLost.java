package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The partner holding an accepted lead lost it, for {@code reason}. */
public record LeadLost(UUID leadId, UUID partnerId, UUID campaignId, String reason, Instant occurredAt) {
}
