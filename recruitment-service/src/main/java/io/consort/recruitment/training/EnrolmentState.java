package io.consort.recruitment.training;

/** {@code ENROLLED → PASSED} with the first passing completion; later attempts (to recertify) keep it PASSED. */
public enum EnrolmentState {
    ENROLLED,
    PASSED
}
