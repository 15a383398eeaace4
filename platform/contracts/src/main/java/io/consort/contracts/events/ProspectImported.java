package io.consort.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A prospect (a company that could become a partner) was created or updated by the vendor, one at a
 * time or in a bulk import. Not about a partner, so the Kafka key is the prospectId.
 * {@code created} tells a first import from an update of a known prospect (an upsert by external id).
 */
public record ProspectImported(UUID prospectId, String companyName, String domain, String region,
        boolean created, String origin, Instant occurredAt) {
}
