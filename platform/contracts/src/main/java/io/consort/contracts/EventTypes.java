package io.consort.contracts;

import io.consort.contracts.events.AnswerAccepted;
import io.consort.contracts.events.ApplicationApproved;
import io.consort.contracts.events.ApplicationRejected;
import io.consort.contracts.events.ApplicationSubmitted;
import io.consort.contracts.events.CampaignEngagementRecorded;
import io.consort.contracts.events.CampaignEnrolled;
import io.consort.contracts.events.CampaignPublished;
import io.consort.contracts.events.CertificationEarned;
import io.consort.contracts.events.CertificationExpired;
import io.consort.contracts.events.DealApproved;
import io.consort.contracts.events.DealExpired;
import io.consort.contracts.events.DealLost;
import io.consort.contracts.events.DealRegistered;
import io.consort.contracts.events.DealRejected;
import io.consort.contracts.events.DealWon;
import io.consort.contracts.events.IncentiveAccrued;
import io.consort.contracts.events.LeadAccepted;
import io.consort.contracts.events.LeadAssigned;
import io.consort.contracts.events.LeadConverted;
import io.consort.contracts.events.LeadCreated;
import io.consort.contracts.events.LeadLost;
import io.consort.contracts.events.LeadRejected;
import io.consort.contracts.events.MdfClaimPaid;
import io.consort.contracts.events.MdfRequestApproved;
import io.consort.contracts.events.MemberJoined;
import io.consort.contracts.events.MemberLeft;
import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.contracts.events.PartnerOnboardingTaskCompleted;
import io.consort.contracts.events.PartnerProfileUpdated;
import io.consort.contracts.events.PartnerReinstated;
import io.consort.contracts.events.PartnerSuspended;
import io.consort.contracts.events.PartnerTerminated;
import io.consort.contracts.events.PartnerUserAdded;
import io.consort.contracts.events.PostCreated;
import io.consort.contracts.events.ProgramCreated;
import io.consort.contracts.events.ProspectImported;
import io.consort.contracts.events.ResourceOpened;
import io.consort.contracts.events.ScoreChanged;
import io.consort.contracts.events.ThreadCreated;
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

    public static final EventType<MemberJoined> MEMBER_JOINED =
            new EventType<>(Topics.COMMUNITY, "member", "consort.member.joined.v1", MemberJoined.class);
    public static final EventType<MemberLeft> MEMBER_LEFT =
            new EventType<>(Topics.COMMUNITY, "member", "consort.member.left.v1", MemberLeft.class);
    public static final EventType<ResourceOpened> RESOURCE_OPENED =
            new EventType<>(Topics.COMMUNITY, "resource", "consort.resource.opened.v1", ResourceOpened.class);
    public static final EventType<ThreadCreated> THREAD_CREATED =
            new EventType<>(Topics.COMMUNITY, "thread", "consort.thread.created.v1", ThreadCreated.class);
    public static final EventType<PostCreated> POST_CREATED =
            new EventType<>(Topics.COMMUNITY, "post", "consort.post.created.v1", PostCreated.class);
    public static final EventType<AnswerAccepted> ANSWER_ACCEPTED =
            new EventType<>(Topics.COMMUNITY, "thread", "consort.answer.accepted.v1", AnswerAccepted.class);
    public static final EventType<CampaignPublished> CAMPAIGN_PUBLISHED =
            new EventType<>(Topics.CAMPAIGNS, "campaign", "consort.campaign.published.v1", CampaignPublished.class);
    public static final EventType<CampaignEnrolled> CAMPAIGN_ENROLLED =
            new EventType<>(Topics.CAMPAIGNS, "enrolment", "consort.campaign.enrolled.v1", CampaignEnrolled.class);
    public static final EventType<CampaignEngagementRecorded> CAMPAIGN_ENGAGEMENT_RECORDED =
            new EventType<>(Topics.CAMPAIGNS, "engagement", "consort.campaign.engagement-recorded.v1",
                    CampaignEngagementRecorded.class);
    public static final EventType<LeadCreated> LEAD_CREATED =
            new EventType<>(Topics.CAMPAIGNS, "lead", "consort.lead.created.v1", LeadCreated.class);
    public static final EventType<LeadAssigned> LEAD_ASSIGNED =
            new EventType<>(Topics.CAMPAIGNS, "lead", "consort.lead.assigned.v1", LeadAssigned.class);
    public static final EventType<LeadAccepted> LEAD_ACCEPTED =
            new EventType<>(Topics.CAMPAIGNS, "lead", "consort.lead.accepted.v1", LeadAccepted.class);
    public static final EventType<LeadRejected> LEAD_REJECTED =
            new EventType<>(Topics.CAMPAIGNS, "lead", "consort.lead.rejected.v1", LeadRejected.class);
    public static final EventType<LeadConverted> LEAD_CONVERTED =
            new EventType<>(Topics.CAMPAIGNS, "lead", "consort.lead.converted.v1", LeadConverted.class);
    public static final EventType<LeadLost> LEAD_LOST =
            new EventType<>(Topics.CAMPAIGNS, "lead", "consort.lead.lost.v1", LeadLost.class);

    public static final EventType<DealRegistered> DEAL_REGISTERED =
            new EventType<>(Topics.CAMPAIGNS, "deal-registration", "consort.deal.registered.v1", DealRegistered.class);
    public static final EventType<DealApproved> DEAL_APPROVED =
            new EventType<>(Topics.CAMPAIGNS, "deal-registration", "consort.deal.approved.v1", DealApproved.class);
    public static final EventType<DealRejected> DEAL_REJECTED =
            new EventType<>(Topics.CAMPAIGNS, "deal-registration", "consort.deal.rejected.v1", DealRejected.class);
    public static final EventType<DealWon> DEAL_WON =
            new EventType<>(Topics.CAMPAIGNS, "deal-registration", "consort.deal.won.v1", DealWon.class);
    public static final EventType<DealLost> DEAL_LOST =
            new EventType<>(Topics.CAMPAIGNS, "deal-registration", "consort.deal.lost.v1", DealLost.class);
    public static final EventType<DealExpired> DEAL_EXPIRED =
            new EventType<>(Topics.CAMPAIGNS, "deal-registration", "consort.deal.expired.v1", DealExpired.class);
    public static final EventType<MdfRequestApproved> MDF_REQUEST_APPROVED =
            new EventType<>(Topics.CAMPAIGNS, "mdf-request", "consort.mdf.request-approved.v1", MdfRequestApproved.class);
    public static final EventType<MdfClaimPaid> MDF_CLAIM_PAID =
            new EventType<>(Topics.CAMPAIGNS, "mdf-claim", "consort.mdf.claim-paid.v1", MdfClaimPaid.class);

    public static final List<EventType<?>> ALL = List.of(
            PROGRAM_CREATED, PROSPECT_IMPORTED, APPLICATION_SUBMITTED, APPLICATION_APPROVED, APPLICATION_REJECTED,
            PARTNER_ONBOARDING_STARTED, PARTNER_ONBOARDING_TASK_COMPLETED, PARTNER_ACTIVATED, PARTNER_SUSPENDED,
            PARTNER_REINSTATED, PARTNER_TERMINATED, PARTNER_PROFILE_UPDATED, TRAINING_COMPLETED,
            CERTIFICATION_EARNED, CERTIFICATION_EXPIRED, PARTNER_USER_ADDED, TIER_CHANGED, SCORE_CHANGED,
            INCENTIVE_ACCRUED, MEMBER_JOINED, MEMBER_LEFT, RESOURCE_OPENED, THREAD_CREATED, POST_CREATED,
            ANSWER_ACCEPTED,
            CAMPAIGN_PUBLISHED, CAMPAIGN_ENROLLED, CAMPAIGN_ENGAGEMENT_RECORDED, LEAD_CREATED, LEAD_ASSIGNED,
            LEAD_ACCEPTED, LEAD_REJECTED, LEAD_CONVERTED, LEAD_LOST,
            DEAL_REGISTERED, DEAL_APPROVED, DEAL_REJECTED, DEAL_WON, DEAL_LOST, DEAL_EXPIRED, MDF_REQUEST_APPROVED,
            MDF_CLAIM_PAID);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byCeType(String ceType) {
        return ALL.stream().filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
