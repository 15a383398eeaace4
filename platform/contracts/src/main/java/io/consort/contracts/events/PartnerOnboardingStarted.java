package io.consort.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner exists and is ONBOARDING in its program. It carries the partner's profile, so that a
 * consumer can build its view of the partner from this event alone; the profile fields were added
 * to v1 later and are null in events published before them.
 */
public record PartnerOnboardingStarted(UUID partnerId, UUID programId, String name, String partnerType,
        String region, List<String> specialisations, List<String> industries, String website, String domain,
        UUID parentPartnerId, Boolean listedInDirectory, Instant occurredAt) {

    /** The event as first published, without the profile. */
    public PartnerOnboardingStarted(UUID partnerId, UUID programId, String name, String partnerType, String region,
            Instant occurredAt) {
        this(partnerId, programId, name, partnerType, region, null, null, null, null, null, null, occurredAt);
    }
}
