package io.consort.recruitment.onboarding;

import java.util.Objects;
import java.util.UUID;

/**
 * One task of a program's onboarding plan, as stored (jsonb) and copied into each new partner's checklist.
 * The request is checked by {@link PlanRules} first; these invariants only guard against a caller that
 * skipped it.
 */
public record PlanTask(UUID id, TaskKind kind, String title, String description, boolean required,
        UUID trainingModuleId) {

    public PlanTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a task needs a title");
        }
        if (kind.namesTrainingModule() != (trainingModuleId != null)) {
            throw new IllegalArgumentException("exactly the COMPLETE_TRAINING tasks name a training module");
        }
    }
}
