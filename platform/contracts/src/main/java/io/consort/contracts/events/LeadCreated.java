package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** A lead came in; {@code partnerId} is the partner whose link brought it, if one did. */
public record LeadCreated(UUID leadId, UUID campaignId, Source source, UUID partnerId, String region,
        Instant occurredAt) {

    /** Where the lead came from. */
    public enum Source {
        FORM,
        VENDOR,
        INTEGRATOR
    }
}
