package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner's tier changed: an upgrade, or a downgrade after the grace period. {@code previousTier}
 * is null for the first tier a scorecard assigns; {@code tierRank} orders tiers (0 = the entry tier,
 * higher is better) so consumers can compare tiers without knowing their definitions, and is absent
 * from events published before it existed (consumers then fall back to the rank of the known names);
 * {@code score} is the score that led to the change, when a score did (a hard requirement lapsing
 * changes the tier without one).
 */
public record TierChanged(UUID scorecardId, UUID partnerId, String previousTier, String tier, Integer tierRank,
        Integer score, Instant occurredAt) {

    /** The form without a rank, as published before {@code tierRank} was added. */
    public TierChanged(UUID scorecardId, UUID partnerId, String previousTier, String tier, Integer score,
            Instant occurredAt) {
        this(scorecardId, partnerId, previousTier, tier, null, score, occurredAt);
    }
}
