package io.consort.campaign.lead;

/** What a routing-history entry records. */
public enum DecisionKind {
    OFFERED,
    ASSIGNED_BY_HAND,
    ACCEPTED,
    DECLINED,
    TIMED_OUT,
    UNROUTED,
    CONVERTED,
    LOST
}
