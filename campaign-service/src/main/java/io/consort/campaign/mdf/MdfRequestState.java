package io.consort.campaign.mdf;

import java.util.EnumSet;
import java.util.Set;

/**
 * A fund request: {@code SUBMITTED → APPROVED(amount ≤ requested, expiresAt) | RETURNED | REJECTED}; a
 * {@code RETURNED} request may be resubmitted; an {@code APPROVED} one becomes {@code EXPIRED} at its
 * {@code expiresAt}, releasing what was not claimed.
 */
public enum MdfRequestState {
    SUBMITTED,
    APPROVED,
    RETURNED,
    REJECTED,
    EXPIRED;

    public enum Action {
        APPROVE("approve", EnumSet.of(SUBMITTED)),
        RETURN("return", EnumSet.of(SUBMITTED)),
        REJECT("reject", EnumSet.of(SUBMITTED, RETURNED)),
        RESUBMIT("resubmit", EnumSet.of(RETURNED)),
        EXPIRE("expire", EnumSet.of(APPROVED));

        private final String phrase;
        private final Set<MdfRequestState> from;

        Action(String phrase, Set<MdfRequestState> from) {
            this.phrase = phrase;
            this.from = from;
        }
    }

    /** The state {@code action} leads to, or {@link IllegalMdfTransitionException}. */
    public MdfRequestState after(Action action) {
        if (!action.from.contains(this)) {
            throw new IllegalMdfTransitionException("cannot " + action.phrase + " a fund request that is " + name());
        }
        return switch (action) {
            case APPROVE -> APPROVED;
            case RETURN -> RETURNED;
            case REJECT -> REJECTED;
            case RESUBMIT -> SUBMITTED;
            case EXPIRE -> EXPIRED;
        };
    }
}
