package io.consort.campaign.deal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code SUBMITTED → IN_REVIEW ⇄ ACTION_REQUIRED → APPROVED(protectedUntil) | REJECTED(reason)}, {@code WITHDRAWN}
 * by the partner before approval, {@code APPROVED → WON | LOST | EXPIRED}. A manager may decide straight from
 * {@code SUBMITTED} (deciding is reviewing); approval while the partner still owes an action is refused, a
 * rejection is not.
 */
public enum DealState {
    SUBMITTED,
    IN_REVIEW,
    ACTION_REQUIRED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    WON,
    LOST,
    EXPIRED;

    /** Registrations that still claim their customer while the vendor decides. */
    public static final Set<DealState> PENDING = EnumSet.of(SUBMITTED, IN_REVIEW, ACTION_REQUIRED);

    private static final Map<DealAction, Set<DealState>> ALLOWED_FROM = Map.of(
            DealAction.START_REVIEW, EnumSet.of(SUBMITTED),
            DealAction.REQUEST_ACTION, EnumSet.of(SUBMITTED, IN_REVIEW),
            DealAction.RESUBMIT, EnumSet.of(ACTION_REQUIRED),
            DealAction.APPROVE, EnumSet.of(SUBMITTED, IN_REVIEW),
            DealAction.REJECT, EnumSet.of(SUBMITTED, IN_REVIEW, ACTION_REQUIRED),
            DealAction.WITHDRAW, EnumSet.of(SUBMITTED, IN_REVIEW, ACTION_REQUIRED),
            DealAction.EXTEND, EnumSet.of(APPROVED),
            DealAction.WIN, EnumSet.of(APPROVED),
            DealAction.LOSE, EnumSet.of(APPROVED),
            DealAction.EXPIRE, EnumSet.of(APPROVED));

    /** The state {@code action} leads to from this one, or {@link IllegalDealTransitionException}. */
    public DealState after(DealAction action) {
        if (!ALLOWED_FROM.get(action).contains(this)) {
            throw new IllegalDealTransitionException("cannot " + action.phrase() + " a deal registration that is " + name());
        }
        return switch (action) {
            case START_REVIEW, RESUBMIT -> IN_REVIEW;
            case REQUEST_ACTION -> ACTION_REQUIRED;
            case APPROVE, EXTEND -> APPROVED;
            case REJECT -> REJECTED;
            case WITHDRAW -> WITHDRAWN;
            case WIN -> WON;
            case LOSE -> LOST;
            case EXPIRE -> EXPIRED;
        };
    }

    public boolean isPending() {
        return PENDING.contains(this);
    }
}
