package io.consort.performance.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The fields performance reads from every event it keeps, by the names of {@code docs/events.md};
 * a consumer-side reader (unknown fields ignored), so community and campaign events are read without
 * waiting for their producers' records in platform/contracts.
 */
record FactHeader(UUID partnerId, UUID programId, LocalDate closedOn, Instant occurredAt) {
}
