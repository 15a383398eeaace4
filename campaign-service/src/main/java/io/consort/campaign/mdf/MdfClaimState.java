package io.consort.campaign.mdf;

import java.util.EnumSet;
import java.util.Set;

/** A claim against an approved fund request: {@code SUBMITTED → APPROVED(amount ≤ what the request has left) → PAID}, or {@code REJECTED} before approval. */
public enum MdfClaimState {
    SUBMITTED,
    APPROVED,
    PAID,
    REJECTED;

    public enum Action {
        APPROVE("approve", EnumSet.of(SUBMITTED)),
        REJECT("reject", EnumSet.of(SUBMITTED)),
        PAY("pay", EnumSet.of(APPROVED));

        private final String phrase;
        private final Set<MdfClaimState> from;

        Action(String phrase, Set<MdfClaimState> from) {
            this.phrase = phrase;
            this.from = from;
        }
    }

    /** The state {@code action} leads to, or {@link IllegalMdfTransitionException} (a second payment included). */
    public MdfClaimState after(Action action) {
        if (!action.from.contains(this)) {
            throw new IllegalMdfTransitionException("cannot " + action.phrase + " a claim that is " + name());
        }
        return switch (action) {
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case PAY -> PAID;
        };
    }
}
