package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Someone started a discussion thread or asked a question in a space; {@code partnerId} is null for the vendor. */
public record ThreadCreated(UUID threadId, UUID spaceId, UUID partnerId, String authorId, Kind kind, String title,
        Instant occurredAt) {

    /** A discussion, or a question that can have one accepted answer. */
    public enum Kind {
        DISCUSSION,
        QUESTION
    }
}
