package io.consort.recruitment.partner;

import io.consort.recruitment.support.IllegalTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code ONBOARDING → ACTIVE → SUSPENDED ⇄ ACTIVE → TERMINATED}. Termination ends the partnership from
 * any state but itself: a partner that never finished onboarding can be let go too. TERMINATED is final.
 */
public enum PartnerState {
    ONBOARDING,
    ACTIVE,
    SUSPENDED,
    TERMINATED;

    /** What can happen to a partner. */
    public enum Action {
        ACTIVATE,
        SUSPEND,
        REINSTATE,
        TERMINATE
    }

    private static final Map<Action, Set<PartnerState>> ALLOWED_FROM = Map.of(
            Action.ACTIVATE, EnumSet.of(ONBOARDING),
            Action.SUSPEND, EnumSet.of(ACTIVE),
            Action.REINSTATE, EnumSet.of(SUSPENDED),
            Action.TERMINATE, EnumSet.of(ONBOARDING, ACTIVE, SUSPENDED));

    /** The state {@code action} leads to from this one, or {@link IllegalTransitionException} (409). */
    public PartnerState after(Action action) {
        if (!ALLOWED_FROM.get(action).contains(this)) {
            throw new IllegalTransitionException("cannot " + action.name().toLowerCase() + " a partner that is " + name());
        }
        return switch (action) {
            case ACTIVATE, REINSTATE -> ACTIVE;
            case SUSPEND -> SUSPENDED;
            case TERMINATE -> TERMINATED;
        };
    }
}
