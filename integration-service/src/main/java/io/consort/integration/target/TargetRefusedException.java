package io.consort.integration.target;

/** A target URL or address a webhook must not be sent to, and why. */
public class TargetRefusedException extends RuntimeException {

    public TargetRefusedException(String message) {
        super(message);
    }
}
