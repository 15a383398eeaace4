package io.consort.contracts;

import io.consort.contracts.events.ApplicationApproved;
import io.consort.contracts.events.ApplicationRejected;
import io.consort.contracts.events.ApplicationSubmitted;
import io.consort.contracts.events.CertificationEarned;
import io.consort.contracts.events.CertificationExpired;
import io.consort.contracts.events.IncentiveAccrued;
import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.contracts.events.PartnerOnboardingTaskCompleted;
import io.consort.contracts.events.PartnerProfileUpdated;
import io.consort.contracts.events.PartnerReinstated;
import io.consort.contracts.events.PartnerSuspended;
import io.consort.contracts.events.PartnerTerminated;
import io.consort.contracts.events.PartnerUserAdded;
import io.consort.contracts.events.ProgramCreated;
import io.consort.contracts.events.ProspectImported;
import io.consort.contracts.events.ScoreChanged;
import io.consort.contracts.events.TierChanged;
import io.consort.contracts.events.TrainingCompleted;
import java.util.List;
import java.util.Optional;

/** The event types in use, by topic. Add a type here together with its payload record and schema. */
public final class EventTypes {

    public static final EventType<ProgramCreated> PROGRAM_CREATED =
            new EventType<>(Topics.PARTNERS, "program", "consort.program.created.v1", ProgramCreated.class);
    public static final EventType<ProspectImported> PROSPECT_IMPORTED =
            new EventType<>(Topics.PARTNERS, "prospect", "consort.prospect.imported.v1", ProspectImported.class);
    public static final EventType<ApplicationSubmitted> APPLICATION_SUBMITTED =
            new EventType<>(Topics.PARTNERS, "application", "consort.application.submitted.v1", ApplicationSubmitted.class);
    public static final EventType<ApplicationApproved> APPLICATION_APPROVED =
            new EventType<>(Topics.PARTNERS, "application", "consort.application.approved.v1", ApplicationApproved.class);
    public static final EventType<ApplicationRejected> APPLICATION_REJECTED =
            new EventType<>(Topics.PARTNERS, "application", "consort.application.rejected.v1", ApplicationRejected.class);
    public static final EventType<PartnerOnboardingStarted> PARTNER_ONBOARDING_STARTED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.onboarding-started.v1", PartnerOnboardingStarted.class);
    public static final EventType<PartnerOnboardingTaskCompleted> PARTNER_ONBOARDING_TASK_COMPLETED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.onboarding-task-completed.v1",
                    PartnerOnboardingTaskCompleted.class);
    public static final EventType<PartnerActivated> PARTNER_ACTIVATED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.activated.v1", PartnerActivated.class);
    public static final EventType<TrainingCompleted> TRAINING_COMPLETED =
            new EventType<>(Topics.PARTNERS, "training-completion", "consort.training.completed.v1", TrainingCompleted.class);
    public static final EventType<CertificationEarned> CERTIFICATION_EARNED =
            new EventType<>(Topics.PARTNERS, "certification", "consort.certification.earned.v1", CertificationEarned.class);
    public static final EventType<CertificationExpired> CERTIFICATION_EXPIRED =
            new EventType<>(Topics.PARTNERS, "certification", "consort.certification.expired.v1", CertificationExpired.class);
    public static final EventType<PartnerSuspended> PARTNER_SUSPENDED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.suspended.v1", PartnerSuspended.class);
    public static final EventType<PartnerReinstated> PARTNER_REINSTATED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.reinstated.v1", PartnerReinstated.class);
    public static final EventType<PartnerTerminated> PARTNER_TERMINATED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.terminated.v1", PartnerTerminated.class);
    public static final EventType<PartnerProfileUpdated> PARTNER_PROFILE_UPDATED =
            new EventType<>(Topics.PARTNERS, "partner", "consort.partner.profile-updated.v1", PartnerProfileUpdated.class);

    public static final EventType<PartnerUserAdded> PARTNER_USER_ADDED =
            new EventType<>(Topics.PARTNERS, "partner-user", "consort.partner.user-added.v1", PartnerUserAdded.class);

    public static final EventType<TierChanged> TIER_CHANGED =
            new EventType<>(Topics.PERFORMANCE, "scorecard", "consort.tier.changed.v1", TierChanged.class);
    public static final EventType<ScoreChanged> SCORE_CHANGED =
            new EventType<>(Topics.PERFORMANCE, "scorecard", "consort.score.changed.v1", ScoreChanged.class);
    public static final EventType<IncentiveAccrued> INCENTIVE_ACCRUED =
            new EventType<>(Topics.PERFORMANCE, "incentive-entry", "consort.incentive.accrued.v1", IncentiveAccrued.class);

    public static final List<EventType<?>> ALL = List.of(
            PROGRAM_CREATED, PROSPECT_IMPORTED, APPLICATION_SUBMITTED, APPLICATION_APPROVED, APPLICATION_REJECTED,
            PARTNER_ONBOARDING_STARTED, PARTNER_ONBOARDING_TASK_COMPLETED, PARTNER_ACTIVATED, PARTNER_SUSPENDED,
            PARTNER_REINSTATED, PARTNER_TERMINATED, PARTNER_PROFILE_UPDATED, TRAINING_COMPLETED,
            CERTIFICATION_EARNED, CERTIFICATION_EXPIRED, PARTNER_USER_ADDED, TIER_CHANGED, SCORE_CHANGED,
            INCENTIVE_ACCRUED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return ALL.stream().filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
