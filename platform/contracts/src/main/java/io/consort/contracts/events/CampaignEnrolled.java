package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A partner enrolled in a campaign and co-branded it. */
public record CampaignEnrolled(UUID enrolmentId, UUID campaignId, UUID partnerId, Instant occurredAt) {
}
