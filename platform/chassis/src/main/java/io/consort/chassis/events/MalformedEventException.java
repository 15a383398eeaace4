package io.consort.chassis.events;

/** A record that is not a readable Consort CloudEvent; retrying it cannot help. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
