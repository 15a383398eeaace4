package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner's membership was closed, for good. */
public record MemberLeft(UUID memberId, UUID partnerId, Reason reason, Instant occurredAt) {

    /** Why the membership closed. */
    public enum Reason {
        TERMINATED
    }
}
