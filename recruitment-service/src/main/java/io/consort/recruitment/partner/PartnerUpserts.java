package io.consort.recruitment.partner;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problems;
import io.consort.recruitment.support.ExternalIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code PUT /partners/by-external-id/{system}/{externalId}}: creates or updates the partner another system
 * knows by that id (Salesforce-style upsert). The bulk upsert applies the same rules a batch at a time
 * ({@link PartnerBatchWriter}).
 */
@ApplicationScoped
public class PartnerUpserts {

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerWrites writes;

    /** The outcome of an upsert: the partner and whether it was new. */
    public record Upserted(Partner partner, boolean created) {
    }

    /**
     * Creates or updates the partner {@code system} knows as {@code externalId}. {@code If-Match} is checked
     * against an existing partner; with no partner any {@code If-Match}, even {@code *}, fails (RFC 9110:
     * the caller expected something that is not there).
     */
    @Transactional
    public Upserted upsert(String system, String externalId, PartnerEdit requested, String ifMatch, String by) {
        ExternalIds.requireValid(system, externalId);
        List<ExternalIdOwners.Key> keys = new ArrayList<>(ExternalIdOwners.keysOf(requested.externalIds()));
        keys.add(new ExternalIdOwners.Key(system, externalId));
        writes.lock(requested, keys);
        PartnerEdit edit = PartnerRules.forExternalId(system, externalId, requested);
        Optional<UUID> known = partners.idByExternalId(system, externalId);
        if (known.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw Problems.preconditionFailed("no partner is known as " + system + "/" + externalId);
            }
            return new Upserted(writes.create(edit, by), true);
        }
        Partner partner = partners.getLocked(known.get());
        ETags.requireMatch(ifMatch, partner.version());
        writes.change(partner, edit, by);
        return new Upserted(partner, false);
    }
}
