package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner declined the lead offered to it, or let the offer time out; the lead is routed on. */
public record LeadRejected(UUID leadId, UUID partnerId, UUID campaignId, Outcome outcome, String reason,
        Instant offeredAt, Instant occurredAt) {

    /** How the offer ended. */
    public enum Outcome {
        DECLINED,
        TIMED_OUT
    }
}
