package io.consort.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner's profile changed. Carries the whole profile after the change, so a consumer keeping a copy
 * (campaign targeting, lead routing, community gating) needs no other event, and {@code changedFields}
 * naming what this change touched.
 */
public record PartnerProfileUpdated(UUID partnerId, UUID programId, List<String> changedFields, String name,
        String partnerType, String region, String website, List<String> specialisations, List<String> industries,
        UUID parentPartnerId, boolean listedInDirectory, String updatedBy, Instant occurredAt) {
}
