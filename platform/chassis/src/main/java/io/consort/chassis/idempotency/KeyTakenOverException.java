package io.consort.chassis.idempotency;

/**
 * This execution no longer owns its Idempotency-Key: a retry took it over after the pending timeout.
 * Whatever the execution was about to commit must roll back, and it must stop.
 */
public class KeyTakenOverException extends RuntimeException {

    public KeyTakenOverException() {
        super("the Idempotency-Key was taken over by a retry", null, false, false);
    }

    /** Whether {@code failure} is, or was caused by, a take-over (transaction helpers may wrap it). */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KeyTakenOverException) {
                return true;
            }
        }
        return false;
    }
}
