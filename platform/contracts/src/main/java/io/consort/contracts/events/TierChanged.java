package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner's tier changed: an upgrade, or a downgrade after the grace period. {@code previousTier}
 * is null for the first tier a scorecard assigns; {@code score} is the score that led to the change,
 * when a score did (a hard requirement lapsing changes the tier without one).
 */
public record TierChanged(UUID scorecardId, UUID partnerId, String previousTier, String tier, Integer score,
        Instant occurredAt) {
}
