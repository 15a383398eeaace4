package io.consort.performance.fact;

import io.consort.performance.domain.EventNames;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of partner facts performance keeps, one per event type it learns from. */
public enum FactKind {
    APPLICATION_APPROVED(EventNames.APPLICATION_APPROVED),
    ONBOARDING_STARTED(EventNames.ONBOARDING_STARTED),
    ONBOARDING_TASK_COMPLETED(EventNames.ONBOARDING_TASK_COMPLETED),
    PARTNER_ACTIVATED(EventNames.PARTNER_ACTIVATED),
    PARTNER_SUSPENDED(EventNames.PARTNER_SUSPENDED),
    PARTNER_REINSTATED(EventNames.PARTNER_REINSTATED),
    PARTNER_TERMINATED(EventNames.PARTNER_TERMINATED),
    PROFILE_UPDATED(EventNames.PROFILE_UPDATED),
    TRAINING_COMPLETED(EventNames.TRAINING_COMPLETED),
    CERTIFICATION_EARNED(EventNames.CERTIFICATION_EARNED),
    CERTIFICATION_EXPIRED(EventNames.CERTIFICATION_EXPIRED),
    MEMBER_JOINED(EventNames.MEMBER_JOINED),
    MEMBER_LEFT(EventNames.MEMBER_LEFT),
    RESOURCE_OPENED(EventNames.RESOURCE_OPENED),
    THREAD_CREATED(EventNames.THREAD_CREATED),
    POST_CREATED(EventNames.POST_CREATED),
    ANSWER_ACCEPTED(EventNames.ANSWER_ACCEPTED),
    CAMPAIGN_ENROLLED(EventNames.CAMPAIGN_ENROLLED),
    ENGAGEMENT_RECORDED(EventNames.ENGAGEMENT_RECORDED),
    LEAD_ASSIGNED(EventNames.LEAD_ASSIGNED),
    LEAD_ACCEPTED(EventNames.LEAD_ACCEPTED),
    LEAD_REJECTED(EventNames.LEAD_REJECTED),
    LEAD_CONVERTED(EventNames.LEAD_CONVERTED),
    LEAD_LOST(EventNames.LEAD_LOST),
    DEAL_REGISTERED(EventNames.DEAL_REGISTERED),
    DEAL_APPROVED(EventNames.DEAL_APPROVED),
    DEAL_REJECTED(EventNames.DEAL_REJECTED),
    DEAL_WON(EventNames.DEAL_WON),
    DEAL_LOST(EventNames.DEAL_LOST),
    DEAL_EXPIRED(EventNames.DEAL_EXPIRED),
    MDF_REQUEST_APPROVED(EventNames.MDF_REQUEST_APPROVED),
    MDF_CLAIM_PAID(EventNames.MDF_CLAIM_PAID);

    private final String ceType;

    FactKind(String ceType) {
        this.ceType = ceType;
    }

    public String ceType() {
        return ceType;
    }

    public static Optional<FactKind> of(String ceType) {
        return Arrays.stream(values()).filter(k -> k.ceType.equals(ceType)).findFirst();
    }
}
