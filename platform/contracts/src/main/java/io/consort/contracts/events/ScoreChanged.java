package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner's score (0-100) changed; {@code previousScore} is null for the first score of a scorecard. */
public record ScoreChanged(UUID scorecardId, UUID partnerId, UUID programId, Integer previousScore, int score,
        Instant occurredAt) {
}
