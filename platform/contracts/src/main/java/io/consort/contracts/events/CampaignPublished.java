package io.consort.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign was published to the partners its targeting makes eligible (empty lists: no limit). */
public record CampaignPublished(UUID campaignId, String name, List<UUID> programIds, List<String> tiers,
        List<String> regions, List<String> specialisations, Money budget, Instant startsAt, Instant endsAt,
        Instant occurredAt) {
}
