package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A market development fund request was approved for {@code amount} (at most what was asked), usable until {@code expiresAt}. */
public record MdfRequestApproved(UUID requestId, UUID budgetId, UUID partnerId, UUID campaignId, Money amount,
        Instant expiresAt, String approvedBy, Instant occurredAt) {
}
