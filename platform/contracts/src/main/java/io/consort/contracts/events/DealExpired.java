package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** An approved deal's protection ended before it was won or lost; {@code occurredAt} is when that was recorded. */
public record DealExpired(UUID dealId, UUID partnerId, Money amount, Instant occurredAt) {
}
