package io.consort.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner finished onboarding and is ACTIVE. It carries the partner's profile, so that a consumer
 * can build its view of the partner from this event alone; the profile fields were added to v1
 * later and are null in events published before them.
 */
public record PartnerActivated(UUID partnerId, UUID programId, String name, String partnerType, String region,
        List<String> specialisations, List<String> industries, String website, String domain, UUID parentPartnerId,
        Boolean listedInDirectory, String activatedBy, Instant occurredAt) {

    /** The event as first published, without the profile. */
    public PartnerActivated(UUID partnerId, UUID programId, String name, String partnerType, String region,
            String activatedBy, Instant occurredAt) {
        this(partnerId, programId, name, partnerType, region, null, null, null, null, null, null, activatedBy,
                occurredAt);
    }
}
