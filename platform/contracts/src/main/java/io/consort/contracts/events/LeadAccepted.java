package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner accepted the lead offered to it at {@code offeredAt}. */
public record LeadAccepted(UUID leadId, UUID partnerId, UUID campaignId, Instant offeredAt, Instant occurredAt) {
}
