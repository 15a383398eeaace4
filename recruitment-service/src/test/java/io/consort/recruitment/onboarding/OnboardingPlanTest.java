package io.consort.recruitment.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OnboardingPlanTest {

    @Test
    void theDefaultPlanAsksForTheAgreementAndTheProfileWithIdsStablePerProgram() {
        UUID program = UUID.randomUUID();
        List<PlanTask> tasks = OnboardingPlan.defaultTasks(program);

        assertEquals(List.of(TaskKind.ACCEPT_AGREEMENT, TaskKind.COMPLETE_PROFILE), tasks.stream().map(PlanTask::kind).toList());
        assertTrue(tasks.stream().allMatch(PlanTask::required));
        assertEquals(tasks, OnboardingPlan.defaultTasks(program));
        assertNotEquals(tasks.get(0).id(), OnboardingPlan.defaultTasks(UUID.randomUUID()).get(0).id());
    }

    @Test
    void aTaskContradictingItsKindCannotExist() {
        assertThrows(IllegalArgumentException.class,
                () -> new PlanTask(UUID.randomUUID(), TaskKind.COMPLETE_TRAINING, "Basics", null, true, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PlanTask(UUID.randomUUID(), TaskKind.CUSTOM, "Call", null, true, UUID.randomUUID()));
        assertThrows(IllegalArgumentException.class,
                () -> new PlanTask(UUID.randomUUID(), TaskKind.CUSTOM, " ", null, true, null));
    }
}
