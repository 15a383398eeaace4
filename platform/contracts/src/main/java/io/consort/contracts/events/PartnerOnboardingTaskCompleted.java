package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner completed one task of its onboarding checklist. {@code requiredTasks} and
 * {@code requiredTasksDone} are the checklist's progress after this task, so a consumer can follow
 * onboarding progress without replaying every task.
 */
public record PartnerOnboardingTaskCompleted(UUID partnerId, UUID taskId, String kind, String title,
        boolean required, UUID trainingModuleId, String completedBy, int requiredTasks, int requiredTasksDone,
        Instant occurredAt) {
}
