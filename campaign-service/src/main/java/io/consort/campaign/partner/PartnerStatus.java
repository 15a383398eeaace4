package io.consort.campaign.partner;

/** A partner's lifecycle state as recruitment's events tell it (CROSS facts: onboarding-started → ONBOARDING, ...). */
public enum PartnerStatus {
    ONBOARDING,
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
