package io.consort.recruitment.program;

/** The kinds of partner a program recruits. */
public enum PartnerType {
    RESELLER,
    REFERRAL,
    MSP,
    TECHNOLOGY,
    DISTRIBUTOR
}
