package io.consort.recruitment.onboarding;

import io.consort.chassis.problem.Problem;
import io.consort.recruitment.onboarding.OnboardingPlanRequest.TaskBody;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a plan must be beyond each field's own constraints: training tasks name their module and no
 * other task does, no module twice (two tasks that complete together are one task), no task id twice.
 * Whether the modules exist is the service's question (a 422, not a malformed request).
 */
public final class PlanRules {

    public static final int MAX_TASKS = 50;

    private PlanRules() {
    }

    /** The problems of {@code tasks}, each naming its field as {@code tasks[i].field}; empty when valid. */
    public static List<Problem.FieldError> check(List<TaskBody> tasks) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<UUID, Integer> moduleAt = new HashMap<>();
        Map<UUID, Integer> idAt = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskBody task = tasks.get(i);
            String at = "tasks[" + i + "].";
            if (task.kind() != null) {
                if (task.kind().namesTrainingModule() && task.trainingModuleId() == null) {
                    errors.add(new Problem.FieldError(at + "trainingModuleId", "is required for a COMPLETE_TRAINING task"));
                } else if (!task.kind().namesTrainingModule() && task.trainingModuleId() != null) {
                    errors.add(new Problem.FieldError(at + "trainingModuleId",
                            "only COMPLETE_TRAINING tasks name a training module"));
                }
            }
            if (task.trainingModuleId() != null) {
                Integer first = moduleAt.putIfAbsent(task.trainingModuleId(), i);
                if (first != null) {
                    errors.add(new Problem.FieldError(at + "trainingModuleId",
                            "module " + task.trainingModuleId() + " is already the subject of tasks[" + first + "]"));
                }
            }
            if (task.id() != null) {
                Integer first = idAt.putIfAbsent(task.id(), i);
                if (first != null) {
                    errors.add(new Problem.FieldError(at + "id", "is already the id of tasks[" + first + "]"));
                }
            }
        }
        return errors;
    }

    /** The plan's tasks, in order; call only when {@link #check} found nothing. */
    public static List<PlanTask> toTasks(List<TaskBody> tasks) {
        return tasks.stream().map(t -> new PlanTask(t.id() == null ? UUID.randomUUID() : t.id(), t.kind(),
                t.title().strip(), blankToNull(t.description()), t.required() == null || t.required(),
                t.trainingModuleId())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
