package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner's person opened a resource of the library, in the version it was then at. */
public record ResourceOpened(UUID resourceId, int resourceVersion, UUID partnerId, String userId, String title,
        Instant occurredAt) {
}
