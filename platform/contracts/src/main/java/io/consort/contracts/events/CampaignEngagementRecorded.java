package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A tracked click or a form fill, for a campaign and (when it came through its link) a partner. */
public record CampaignEngagementRecorded(UUID engagementId, UUID campaignId, UUID partnerId, Kind kind, UUID leadId,
        Instant occurredAt) {

    /** What the prospect did. */
    public enum Kind {
        CLICK,
        FORM_FILL
    }
}
