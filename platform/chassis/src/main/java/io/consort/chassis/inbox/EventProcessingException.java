package io.consort.chassis.inbox;

/** An event's effect failed on every attempt with a checked exception. */
public class EventProcessingException extends RuntimeException {
    public EventProcessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
