package io.consort.recruitment.partner;

import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** {@code PATCH /partners/{id}}: a JSON merge patch of a partner's profile. */
@ApplicationScoped
public class PartnerPatches {

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerWrites writes;

    /**
     * Merges {@code edit} into the partner. The caller must have read it ({@code If-Match} required: a
     * merge onto a version one never saw silently keeps someone else's change); a partner-side caller may
     * only set the fields that describe its organisation (403 naming the others).
     */
    @Transactional
    public Partner patch(UUID partnerId, PartnerEdit edit, String ifMatch, boolean vendorSide, String by) {
        writes.lock(edit, ExternalIdOwners.keysOf(edit.externalIds()));
        Partner partner = partners.getLocked(partnerId);
        if (!vendorSide && !edit.vendorOnlyFields().isEmpty()) {
            throw Problems.forbidden("only the vendor may set " + String.join(", ", edit.vendorOnlyFields()));
        }
        ETags.requireIfMatch(ifMatch, partner.version());
        writes.change(partner, edit, by);
        return partner;
    }
}
