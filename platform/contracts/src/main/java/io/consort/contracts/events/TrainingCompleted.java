package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner's person finished an attempt at a training module; {@code passed} when {@code score}
 * reached the module's {@code passingScore} at that time.
 */
public record TrainingCompleted(UUID completionId, UUID enrolmentId, UUID partnerId, String userId, UUID moduleId,
        int score, int passingScore, boolean passed, Instant occurredAt) {
}
