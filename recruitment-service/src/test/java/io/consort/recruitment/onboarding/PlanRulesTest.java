package io.consort.recruitment.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.problem.Problem;
import io.consort.recruitment.onboarding.OnboardingPlanRequest.TaskBody;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final UUID MODULE = UUID.randomUUID();

    @Test
    void aWellFormedPlanHasNoProblems() {
        assertEquals(List.of(), PlanRules.check(List.of(
                body(null, TaskKind.ACCEPT_AGREEMENT, null),
                body(null, TaskKind.COMPLETE_TRAINING, MODULE),
                body(null, TaskKind.COMPLETE_TRAINING, UUID.randomUUID()))));
        assertEquals(List.of(), PlanRules.check(List.of()));
    }

    @Test
    void aTrainingTaskNamesItsModuleAndNoOtherTaskDoes() {
        assertEquals(List.of(new Problem.FieldError("tasks[0].trainingModuleId", "is required for a COMPLETE_TRAINING task"),
                        new Problem.FieldError("tasks[1].trainingModuleId",
                                "only COMPLETE_TRAINING tasks name a training module")),
                PlanRules.check(List.of(body(null, TaskKind.COMPLETE_TRAINING, null),
                        body(null, TaskKind.CUSTOM, MODULE))));
    }

    @Test
    void aModuleIsTheSubjectOfOneTaskOnly() {
        List<Problem.FieldError> errors = PlanRules.check(List.of(
                body(null, TaskKind.COMPLETE_TRAINING, MODULE),
                body(null, TaskKind.CUSTOM, null),
                body(null, TaskKind.COMPLETE_TRAINING, MODULE)));
        assertEquals(List.of(new Problem.FieldError("tasks[2].trainingModuleId",
                "module " + MODULE + " is already the subject of tasks[0]")), errors);
    }

    @Test
    void taskIdsAreUnique() {
        UUID id = UUID.randomUUID();
        assertEquals(List.of(new Problem.FieldError("tasks[1].id", "is already the id of tasks[0]")),
                PlanRules.check(List.of(body(id, TaskKind.CUSTOM, null), body(id, TaskKind.COMPLETE_PROFILE, null))));
    }

    @Test
    void tasksKeepGivenIdsGetNewOnesOtherwiseAndAreRequiredUnlessSaidOtherwise() {
        UUID kept = UUID.randomUUID();
        List<PlanTask> tasks = PlanRules.toTasks(List.of(
                new TaskBody(kept, TaskKind.CUSTOM, "  Book a call ", "  ", false, null),
                new TaskBody(null, TaskKind.COMPLETE_TRAINING, "Basics", "Take it", null, MODULE)));

        assertEquals(kept, tasks.get(0).id());
        assertEquals("Book a call", tasks.get(0).title());
        assertEquals(null, tasks.get(0).description());
        assertEquals(false, tasks.get(0).required());
        assertNotNull(tasks.get(1).id());
        assertTrue(tasks.get(1).required());
        assertEquals(MODULE, tasks.get(1).trainingModuleId());
    }

    private static TaskBody body(UUID id, TaskKind kind, UUID module) {
        return new TaskBody(id, kind, "Task", null, true, module);
    }
}
