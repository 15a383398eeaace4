package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A post was accepted as the answer to a question. {@code partnerId} is the answer author's partner, who earns
 * the credit (null when the vendor answered).
 */
public record AnswerAccepted(UUID threadId, UUID postId, UUID partnerId, String acceptedBy, Instant occurredAt) {
}
