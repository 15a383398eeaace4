package io.consort.recruitment.application;

/** What can happen to an application. */
public enum ApplicationAction {
    START_REVIEW,
    REQUEST_INFO,
    PROVIDE_INFO,
    APPROVE,
    REJECT,
    WITHDRAW
}
