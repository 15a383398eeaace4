package io.consort.chassis.inbox;

/** A record that can never be processed (not a readable CloudEvent); it is dead-lettered unretried. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
