package io.consort.recruitment.onboarding;

import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.PartnerOnboardingTaskCompleted;
import io.consort.recruitment.partner.Partner;
import io.consort.recruitment.partner.PartnerLifecycle;
import io.consort.recruitment.partner.PartnerReads;
import io.consort.recruitment.partner.PartnerStarted;
import io.consort.recruitment.partner.PartnerState;
import io.consort.recruitment.support.IllegalTransitionException;
import io.consort.recruitment.support.Timestamps;
import io.consort.recruitment.training.TrainingPassed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Partners' onboarding checklists: taken from the program's plan when a partner starts, completed task by
 * task, and the partner activated, with its events, in the transaction that completes the last required task.
 */
@ApplicationScoped
public class OnboardingService {

    @Inject
    OnboardingChecklistRepository checklists;

    @Inject
    OnboardingPlanRepository plans;

    @Inject
    PartnerReads partners;

    @Inject
    PartnerLifecycle lifecycle;

    @Inject
    Outbox outbox;

    /** Who completes a task by hand, as far as the rules of {@link TaskKind} care. */
    public record Completer(String name, boolean vendorSide, boolean partnerAdmin) {
    }

    /** A checklist with the state of its partner, for the API. */
    public record View(OnboardingChecklist checklist, PartnerState partnerState) {
    }

    /**
     * Gives a partner that starts onboarding now its checklist: a copy of the program's plan (the default plan
     * when the program has none). A plan without required tasks activates the partner at once: nothing is
     * left to wait for. Runs in the transaction that creates the partner, which fires {@link PartnerStarted}.
     */
    void onPartnerStarted(@Observes PartnerStarted started) {
        start(started.partner(), started.by(), started.at());
    }

    private OnboardingChecklist start(Partner partner, String by, Instant now) {
        Optional<OnboardingPlan> plan = plans.findByIdOptional(partner.programId());
        OnboardingChecklist checklist = OnboardingChecklist.start(partner.id(), partner.programId(),
                plan.map(OnboardingPlan::version).orElse(null),
                plan.map(OnboardingPlan::tasks).orElseGet(() -> OnboardingPlan.defaultTasks(partner.programId())), now);
        checklists.persist(checklist);
        if (checklist.isComplete()) {
            lifecycle.activate(partner.id(), by);
        }
        return checklist;
    }

    /** The partner's checklist; 404 for a partner the caller may not see or one without a checklist. */
    public View get(UUID partnerId) {
        Partner partner = partners.get(partnerId);
        OnboardingChecklist checklist = checklists.findByIdOptional(partnerId)
                .orElseThrow(() -> Problems.notFound("partner " + partnerId + " has no onboarding checklist"));
        return new View(checklist, partner.state());
    }

    /**
     * Marks a task done by hand: 404 for an unknown task, 409 for a training task (it completes when the
     * module is passed) or one already done, 403 when the caller's side may not complete this kind.
     */
    @Transactional
    public View completeTask(UUID partnerId, UUID taskId, Completer who) {
        Partner partner = partners.get(partnerId);
        OnboardingChecklist checklist = checklists.findForUpdate(partnerId)
                .orElseThrow(() -> Problems.notFound("partner " + partnerId + " has no onboarding checklist"));
        ChecklistTask task = checklist.task(taskId)
                .orElseThrow(() -> Problems.notFound("onboarding task", taskId));
        if (task.kind().completableByHand() && !task.kind().mayBeCompletedBy(who.vendorSide(), who.partnerAdmin())) {
            throw Problems.forbidden("a " + task.kind() + " task is completed by the partner's administrator "
                    + "or by the vendor on the partner's behalf");
        }
        requireOnboardingOpen(partner);
        Instant now = Timestamps.now();
        OnboardingChecklist.Completion completion = checklist.completeByHand(taskId, who.name(), now);
        completed(partner, checklist, completion, who.name(), now);
        return new View(checklist, partner.state());
    }

    /**
     * A partner's person passed a module: the partner's open training task for it, if any, is done. The
     * checklist is the partner's, so whoever of its people passes completes it. Runs in the completion's
     * transaction; a partner no longer onboarding or active keeps its checklist as it is.
     */
    void onTrainingPassed(@Observes TrainingPassed passed) {
        Optional<OnboardingChecklist> checklist = checklists.findForUpdate(passed.partnerId());
        if (checklist.isEmpty()) {
            return;
        }
        Partner partner = partners.get(passed.partnerId());
        if (!isOpen(partner)) {
            return;
        }
        checklist.get().completeTraining(passed.moduleId(), passed.userId(), passed.at())
                .ifPresent(c -> completed(partner, checklist.get(), c, passed.userId(), passed.at()));
    }

    private void completed(Partner partner, OnboardingChecklist checklist, OnboardingChecklist.Completion completion,
            String by, Instant now) {
        ChecklistTask task = completion.task();
        Progress progress = checklist.progress();
        outbox.emit(EventTypes.PARTNER_ONBOARDING_TASK_COMPLETED, partner.id(), partner.id(),
                new PartnerOnboardingTaskCompleted(partner.id(), task.id(), task.kind().name(), task.title(),
                        task.required(), task.trainingModuleId(), by, progress.requiredTasks(),
                        progress.requiredTasksDone(), now));
        // A partner activated by other means (or completing optional tasks later) is not activated twice.
        if (completion.completedChecklist() && partner.state() == PartnerState.ONBOARDING) {
            lifecycle.activate(partner.id(), by);
        }
    }

    private static void requireOnboardingOpen(Partner partner) {
        if (!isOpen(partner)) {
            throw new IllegalTransitionException("cannot complete onboarding tasks of a partner that is "
                    + partner.state());
        }
    }

    private static boolean isOpen(Partner partner) {
        return partner.state() == PartnerState.ONBOARDING || partner.state() == PartnerState.ACTIVE;
    }
}
