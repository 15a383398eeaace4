package io.consort.recruitment.partner;

import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.recruitment.support.ExternalIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Partners as callers read them: every query goes through the chassis partner-scope filter on
 * {@link Partner}, so a partner-side caller finds only its own partners (and a partner-admin their
 * descendants); any other answers 404 as if it did not exist.
 */
@ApplicationScoped
public class PartnerReads {

    @Inject
    PartnerRepository partners;

    /** The partner, or 404 when it does not exist or the caller may not see it. */
    public Partner get(UUID id) {
        return partners.get(id);
    }

    /** The partner {@code system} knows as {@code externalId}, or 404 (also when the caller may not see it). */
    public Partner getByExternalId(String system, String externalId) {
        ExternalIds.requireValid(system, externalId);
        return partners.findByExternalId(system, externalId)
                .orElseThrow(() -> Problems.notFound("no partner is known as " + system + "/" + externalId));
    }

    /**
     * Refuses a round-tripped {@code id} (a partner read with GET and sent back to the by-external-id PUT) that is
     * not the partner this external id names: the PUT cannot rename an id, nor create a partner with a chosen one.
     */
    public void requireKnownAs(String system, String externalId, String id) {
        ExternalIds.requireValid(system, externalId);
        Optional<Partner> known = partners.findByExternalId(system, externalId);
        if (known.isEmpty() || !known.get().id().toString().equalsIgnoreCase(id)) {
            throw Problems.invalidField("id", known.isEmpty() ? "no partner is known as " + system + "/" + externalId
                    + " yet; a new partner's id cannot be chosen" : "is not the id of the partner known as " + system
                    + "/" + externalId);
        }
    }

    public Page<Partner> list(PageRequest page, Sort sort, UUID programId, PartnerState state) {
        return KeysetQuery.of(Partner.class).sort(sort)
                .whereEqual("programId", programId)
                .whereEqual("state", state)
                .fetch(page, Partner::createdAt, Partner::id);
    }

    /** The partners whose parent is {@code parentId}; 404 when the parent is unknown or not the caller's. */
    public Page<Partner> children(UUID parentId, PageRequest page) {
        get(parentId);
        return KeysetQuery.of(Partner.class)
                .whereEqual("parentPartnerId", parentId)
                .fetch(page, Partner::createdAt, Partner::id);
    }
}
