package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Someone posted in a thread; {@code partnerId} is null for the vendor. */
public record PostCreated(UUID postId, UUID threadId, UUID spaceId, UUID partnerId, String authorId,
        Instant occurredAt) {
}
