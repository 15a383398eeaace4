package io.consort.recruitment.onboarding;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A task of one partner's checklist: the plan's task as it was when the partner started, and its status. */
public record ChecklistTask(UUID id, TaskKind kind, String title, String description, boolean required,
        UUID trainingModuleId, TaskStatus status, Instant completedAt, String completedBy) {

    public ChecklistTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }

    static ChecklistTask open(PlanTask task) {
        return new ChecklistTask(task.id(), task.kind(), task.title(), task.description(), task.required(),
                task.trainingModuleId(), TaskStatus.OPEN, null, null);
    }

    boolean isDone() {
        return status == TaskStatus.DONE;
    }

    ChecklistTask done(String by, Instant at) {
        return new ChecklistTask(id, kind, title, description, required, trainingModuleId, TaskStatus.DONE,
                Objects.requireNonNull(at), Objects.requireNonNull(by));
    }
}
