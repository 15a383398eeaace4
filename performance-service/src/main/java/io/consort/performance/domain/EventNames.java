package io.consort.performance.domain;

/**
 * The CloudEvents types performance learns from (docs/events.md). Community and campaign types are
 * named here rather than taken from platform/contracts, which their producers extend in parallel;
 * payloads are read by field name.
 */
public final class EventNames {

    public static final String APPLICATION_APPROVED = "consort.application.approved.v1";
    public static final String ONBOARDING_STARTED = "consort.partner.onboarding-started.v1";
    public static final String ONBOARDING_TASK_COMPLETED = "consort.partner.onboarding-task-completed.v1";
    public static final String PARTNER_ACTIVATED = "consort.partner.activated.v1";
    public static final String PARTNER_SUSPENDED = "consort.partner.suspended.v1";
    public static final String PARTNER_REINSTATED = "consort.partner.reinstated.v1";
    public static final String PARTNER_TERMINATED = "consort.partner.terminated.v1";
    public static final String PROFILE_UPDATED = "consort.partner.profile-updated.v1";
    public static final String TRAINING_COMPLETED = "consort.training.completed.v1";
    public static final String CERTIFICATION_EARNED = "consort.certification.earned.v1";
    public static final String CERTIFICATION_EXPIRED = "consort.certification.expired.v1";

    public static final String MEMBER_JOINED = "consort.member.joined.v1";
    public static final String MEMBER_LEFT = "consort.member.left.v1";
    public static final String RESOURCE_OPENED = "consort.resource.opened.v1";
    public static final String THREAD_CREATED = "consort.thread.created.v1";
    public static final String POST_CREATED = "consort.post.created.v1";
    public static final String ANSWER_ACCEPTED = "consort.answer.accepted.v1";

    public static final String CAMPAIGN_ENROLLED = "consort.campaign.enrolled.v1";
    public static final String ENGAGEMENT_RECORDED = "consort.campaign.engagement-recorded.v1";
    public static final String LEAD_ASSIGNED = "consort.lead.assigned.v1";
    public static final String LEAD_ACCEPTED = "consort.lead.accepted.v1";
    public static final String LEAD_REJECTED = "consort.lead.rejected.v1";
    public static final String LEAD_CONVERTED = "consort.lead.converted.v1";
    public static final String LEAD_LOST = "consort.lead.lost.v1";
    public static final String DEAL_REGISTERED = "consort.deal.registered.v1";
    public static final String DEAL_APPROVED = "consort.deal.approved.v1";
    public static final String DEAL_REJECTED = "consort.deal.rejected.v1";
    public static final String DEAL_WON = "consort.deal.won.v1";
    public static final String DEAL_LOST = "consort.deal.lost.v1";
    public static final String DEAL_EXPIRED = "consort.deal.expired.v1";
    public static final String MDF_REQUEST_APPROVED = "consort.mdf.request-approved.v1";
    public static final String MDF_CLAIM_PAID = "consort.mdf.claim-paid.v1";

    private EventNames() {
    }
}
