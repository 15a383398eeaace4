package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A market development fund claim was paid to the partner (once). */
public record MdfClaimPaid(UUID claimId, UUID requestId, UUID budgetId, UUID partnerId, UUID campaignId, Money amount,
        Instant occurredAt) {
}
