package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** An approved deal was lost; {@code reason} when the partner gave one. */
public record DealLost(UUID dealId, UUID partnerId, Money amount, String reason, UUID leadId, UUID campaignId,
        Instant occurredAt) {
}
