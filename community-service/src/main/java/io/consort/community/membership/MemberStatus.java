package io.consort.community.membership;

/**
 * Where a partner's membership stands. PENDING: community has heard of the partner (a tier, a profile)
 * but not of its activation. CLOSED is final: the partner was terminated.
 */
public enum MemberStatus {
    PENDING,
    ACTIVE,
    SUSPENDED,
    CLOSED
}
