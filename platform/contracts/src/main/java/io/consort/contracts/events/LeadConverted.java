package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** The partner holding an accepted lead turned it into an opportunity (a registered deal, when one is named). */
public record LeadConverted(UUID leadId, UUID partnerId, UUID campaignId, UUID dealId, Instant occurredAt) {
}
