package io.consort.recruitment.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.support.IllegalTransitionException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OnboardingChecklistTest {

    private static final Instant STARTED = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-07T08:00:00Z");
    private static final UUID MODULE = UUID.randomUUID();

    private final PlanTask agreement = task(TaskKind.ACCEPT_AGREEMENT, "Accept the agreement", true, null);
    private final PlanTask training = task(TaskKind.COMPLETE_TRAINING, "Finish Product Basics", true, MODULE);
    private final PlanTask kickOff = task(TaskKind.CUSTOM, "Book a kick-off call", false, null);

    @Test
    void startingCopiesThePlanInItsOrderWithEveryTaskOpen() {
        OnboardingChecklist checklist = start(List.of(agreement, training, kickOff));

        assertEquals(List.of(agreement.id(), training.id(), kickOff.id()),
                checklist.tasks().stream().map(ChecklistTask::id).toList());
        assertTrue(checklist.tasks().stream().allMatch(t -> t.status() == TaskStatus.OPEN && t.completedAt() == null));
        assertEquals(MODULE, checklist.tasks().get(1).trainingModuleId());
        assertEquals(new Progress(2, 0, 3, 0, 0), checklist.progress());
        assertFalse(checklist.isComplete());
        assertEquals(7L, checklist.planVersion());
        assertEquals(STARTED, checklist.startedAt());
    }

    @Test
    void aPlanWithoutRequiredTasksIsCompleteFromTheStart() {
        OnboardingChecklist optionalOnly = start(List.of(kickOff));
        assertTrue(optionalOnly.isComplete());
        assertEquals(STARTED, optionalOnly.completedAt());

        OnboardingChecklist empty = start(List.of());
        assertTrue(empty.isComplete());
        assertEquals(100, empty.progress().percentRequiredDone());
    }

    @Test
    void completingTheLastRequiredTaskCompletesTheChecklistOnce() {
        OnboardingChecklist checklist = start(List.of(agreement, training, kickOff));

        OnboardingChecklist.Completion first = checklist.completeByHand(agreement.id(), "dana", STARTED);
        assertFalse(first.completedChecklist());
        assertEquals(TaskStatus.DONE, first.task().status());
        assertEquals("dana", first.task().completedBy());
        assertEquals(STARTED, first.task().completedAt());
        assertNull(checklist.completedAt());
        assertEquals(50, checklist.progress().percentRequiredDone());

        OnboardingChecklist.Completion last = checklist.completeTraining(MODULE, "user-7", LATER).orElseThrow();
        assertTrue(last.completedChecklist());
        assertEquals(LATER, checklist.completedAt());

        // An optional task done afterwards is recorded but completes nothing a second time.
        OnboardingChecklist.Completion optional = checklist.completeByHand(kickOff.id(), "dana", LATER.plusSeconds(60));
        assertFalse(optional.completedChecklist());
        assertEquals(LATER, checklist.completedAt());
        assertEquals(new Progress(2, 2, 3, 3, 100), checklist.progress());
    }

    @Test
    void optionalTasksDoNotHoldUpCompletion() {
        OnboardingChecklist checklist = start(List.of(agreement, kickOff));
        assertTrue(checklist.completeByHand(agreement.id(), "dana", LATER).completedChecklist());
        assertEquals(TaskStatus.OPEN, checklist.task(kickOff.id()).orElseThrow().status());
    }

    @Test
    void aTrainingTaskCannotBeCompletedByHand() {
        OnboardingChecklist checklist = start(List.of(training));
        assertThrows(IllegalTransitionException.class, () -> checklist.completeByHand(training.id(), "dana", LATER));
        assertEquals(TaskStatus.OPEN, checklist.task(training.id()).orElseThrow().status());
    }

    @Test
    void aTaskIsCompletedOnlyOnce() {
        OnboardingChecklist checklist = start(List.of(agreement, kickOff));
        checklist.completeByHand(kickOff.id(), "dana", STARTED);
        assertThrows(IllegalTransitionException.class, () -> checklist.completeByHand(kickOff.id(), "pat", LATER));
        assertEquals("dana", checklist.task(kickOff.id()).orElseThrow().completedBy());
    }

    @Test
    void passingAModuleCompletesOnlyTheOpenTaskOfThatModule() {
        OnboardingChecklist checklist = start(List.of(agreement, training));

        assertTrue(checklist.completeTraining(UUID.randomUUID(), "user-7", LATER).isEmpty());
        assertEquals(0, checklist.progress().tasksDone());

        assertTrue(checklist.completeTraining(MODULE, "user-7", LATER).isPresent());
        // A second pass of the same module (another person, a retake) finds nothing left to do.
        assertTrue(checklist.completeTraining(MODULE, "user-8", LATER.plusSeconds(5)).isEmpty());
        assertEquals("user-7", checklist.task(training.id()).orElseThrow().completedBy());
    }

    @Test
    void anUnknownTaskIsNotFound() {
        OnboardingChecklist checklist = start(List.of(agreement));
        assertThrows(NoSuchElementException.class, () -> checklist.completeByHand(UUID.randomUUID(), "dana", LATER));
    }

    @Test
    void progressRoundsDownSoOnlyEverythingIsAHundred() {
        PlanTask a = task(TaskKind.CUSTOM, "a", true, null);
        PlanTask b = task(TaskKind.CUSTOM, "b", true, null);
        PlanTask c = task(TaskKind.CUSTOM, "c", true, null);
        OnboardingChecklist checklist = start(List.of(a, b, c));
        checklist.completeByHand(a.id(), "dana", LATER);
        checklist.completeByHand(b.id(), "dana", LATER);
        assertEquals(66, checklist.progress().percentRequiredDone());
    }

    private static OnboardingChecklist start(List<PlanTask> plan) {
        return OnboardingChecklist.start(UUID.randomUUID(), UUID.randomUUID(), 7L, plan, STARTED);
    }

    private static PlanTask task(TaskKind kind, String title, boolean required, UUID module) {
        return new PlanTask(UUID.randomUUID(), kind, title, null, required, module);
    }
}
