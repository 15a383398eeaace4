package io.consort.recruitment.application;

import io.consort.recruitment.support.IllegalTransitionException;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code SUBMITTED → IN_REVIEW ⇄ INFO_REQUESTED → APPROVED | REJECTED}, or {@code WITHDRAWN} by the
 * applicant before a decision. A reviewer may decide straight from {@code SUBMITTED}: deciding is
 * reviewing, and making them click "start review" first would add a step, not a safeguard. Approval
 * while information is still requested is refused (the reviewer asked for it for a reason); rejection
 * is not.
 */
public enum ApplicationState {
    SUBMITTED,
    IN_REVIEW,
    INFO_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    private static final Map<ApplicationAction, Set<ApplicationState>> ALLOWED_FROM = Map.of(
            ApplicationAction.START_REVIEW, EnumSet.of(SUBMITTED),
            ApplicationAction.REQUEST_INFO, EnumSet.of(IN_REVIEW),
            ApplicationAction.PROVIDE_INFO, EnumSet.of(INFO_REQUESTED),
            ApplicationAction.APPROVE, EnumSet.of(SUBMITTED, IN_REVIEW),
            ApplicationAction.REJECT, EnumSet.of(SUBMITTED, IN_REVIEW, INFO_REQUESTED),
            ApplicationAction.WITHDRAW, EnumSet.of(SUBMITTED, IN_REVIEW, INFO_REQUESTED));

    /** The state {@code action} leads to from this one, or {@link IllegalTransitionException}. */
    public ApplicationState after(ApplicationAction action) {
        if (!ALLOWED_FROM.get(action).contains(this)) {
            throw new IllegalTransitionException("cannot " + action.phrase() + " an application that is " + name());
        }
        return switch (action) {
            case START_REVIEW, PROVIDE_INFO -> IN_REVIEW;
            case REQUEST_INFO -> INFO_REQUESTED;
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case WITHDRAW -> WITHDRAWN;
        };
    }

    public boolean isDecided() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }
}
