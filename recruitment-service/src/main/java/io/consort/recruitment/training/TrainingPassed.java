package io.consort.recruitment.training;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (CDI, synchronously, inside the completion's transaction) when a partner's person passes a module,
 * so whatever waits for that (onboarding's training tasks) happens in the same commit.
 */
public record TrainingPassed(UUID partnerId, String userId, UUID moduleId, UUID completionId, Instant at) {
}
