package io.consort.recruitment.partner;

import io.agroal.api.AgroalDataSource;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.paging.Sort;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.EventTypes;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.program.ProgramService;
import io.consort.recruitment.support.ExternalIds;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Partners as callers read them, and their profile: merge-patch and the upsert by external id. The
 * lifecycle is {@link PartnerLifecycle}'s, the bulk upsert {@link PartnerBatchWriter}'s, the rules of the
 * hierarchy {@link Ancestry}'s and of external ids {@link ExternalIdOwners}', the change feed
 * {@link PartnerChanges}'. A writer locks the partner's row before
 * it reads it, and takes the narrow locks its checks need first ({@link PartnerLocks}): checks that need
 * the database then see a state no concurrent writer can change before this transaction ends.
 */
@ApplicationScoped
public class PartnerService {

    @Inject
    PartnerRepository partners;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProgramService programs;

    @Inject
    Outbox outbox;

    @Inject
    PartnerLifecycle lifecycle;

    /** The outcome of an upsert: the partner and whether it was new. */
    public record Upserted(Partner partner, boolean created) {
    }

    /**
     * Merges {@code edit} into the partner. The caller must have read it ({@code If-Match} required: a
     * merge onto a version one never saw silently keeps someone else's change); a partner-side caller may
     * only set the fields that describe its organisation (403 naming the others).
     */
    @Transactional
    public Partner patch(UUID partnerId, PartnerEdit edit, String ifMatch, boolean vendorSide, String by) {
        lockFor(edit, ExternalIdOwners.keysOf(edit.externalIds()));
        Partner partner = partners.getLocked(partnerId);
        if (!vendorSide && !edit.vendorOnlyFields().isEmpty()) {
            throw Problems.forbidden("only the vendor may set " + String.join(", ", edit.vendorOnlyFields()));
        }
        ETags.requireIfMatch(ifMatch, partner.version());
        change(partner, edit, by);
        return partner;
    }

    /**
     * Creates or updates the partner {@code system} knows as {@code externalId} (Salesforce-style upsert).
     * {@code If-Match} is checked against an existing partner; with no partner any {@code If-Match}, even
     * {@code *}, fails (RFC 9110: the caller expected something that is not there).
     */
    @Transactional
    public Upserted upsert(String system, String externalId, PartnerEdit edit, String ifMatch, String by) {
        ExternalIds.requireValid(system, externalId);
        List<ExternalIdOwners.Key> keys = new ArrayList<>(ExternalIdOwners.keysOf(edit.externalIds()));
        keys.add(new ExternalIdOwners.Key(system, externalId));
        lockFor(edit, keys);
        return upsertLocked(system, externalId, edit, ifMatch, by);
    }

    /**
     * Takes what a write of {@code edit} needs before it reads anything (see {@link PartnerLocks} for the
     * order): the hierarchy lock if it sets a parent, and the locks of the external ids it names.
     */
    private void lockFor(PartnerEdit edit, List<ExternalIdOwners.Key> keys) {
        withConnection(connection -> {
            if (edit.has(PartnerField.PARENT_PARTNER_ID)) {
                PartnerLocks.hierarchy(connection);
            }
            PartnerLocks.externalIds(connection, keys);
        });
    }


    /** The partner, or 404 when it does not exist or the caller may not see it (the scope filter applies). */
    public Partner get(UUID id) {
        return partners.get(id);
    }

    /** The partner {@code system} knows as {@code externalId}, or 404 (also when the caller may not see it). */
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

    public Partner getByExternalId(String system, String externalId) {
        ExternalIds.requireValid(system, externalId);
        return partners.findByExternalId(system, externalId)
                .orElseThrow(() -> Problems.notFound("no partner is known as " + system + "/" + externalId));
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

    private Upserted upsertLocked(String system, String externalId, PartnerEdit requested, String ifMatch,
            String by) {
        if (requested.externalIds().containsKey(system) && !externalId.equals(requested.externalIds().get(system))) {
            throw Problems.invalidField("externalIds." + system, "differs from the external id in the path");
        }
        PartnerEdit edit = requested.withExternalId(system, externalId);
        Optional<UUID> known = partners.idByExternalId(system, externalId);
        if (known.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw Problems.preconditionFailed("no partner is known as " + system + "/" + externalId);
            }
            return new Upserted(create(edit, by), true);
        }
        Partner partner = partners.getLocked(known.get());
        ETags.requireMatch(ifMatch, partner.version());
        change(partner, edit, by);
        return new Upserted(partner, false);
    }

    /** A partner created by an upsert: like one from an approved application, it starts ONBOARDING. */
    private Partner create(PartnerEdit edit, String by) {
        edit.requireCreatable();
        Program program = program(edit.value(PartnerField.PROGRAM_ID));
        checkParent(null, edit.value(PartnerField.PARENT_PARTNER_ID));
        checkExternalIdsFree(null, edit.externalIds());
        Instant now = Timestamps.now();
        return lifecycle.persistOnboarded(edit.newPartner(program, by, now), now);
    }

    /**
     * Checks an edit against the database (program and type, parent, external ids), applies it and
     * announces the profile change. Everything that can refuse it runs before the first field is set.
     */
    private void change(Partner partner, PartnerEdit edit, String by) {
        partner.requireChangeable();
        if (edit.has(PartnerField.PROGRAM_ID) || edit.has(PartnerField.TYPE)) {
            program(edit.has(PartnerField.PROGRAM_ID) ? edit.value(PartnerField.PROGRAM_ID) : partner.programId())
                    .typeFor(edit.has(PartnerField.TYPE) ? edit.value(PartnerField.TYPE) : partner.type(),
                            PartnerField.TYPE.json);
        }
        if (edit.has(PartnerField.PARENT_PARTNER_ID)) {
            checkParent(partner.id(), edit.value(PartnerField.PARENT_PARTNER_ID));
        }
        checkExternalIdsFree(partner.id(), edit.externalIds());
        Instant now = Timestamps.now();
        List<String> changed = new ArrayList<>(partner.edit(edit, by, now));
        // Other systems' ids are the integrators' business, not the consumers' of profile events.
        changed.remove(PartnerField.EXTERNAL_IDS.json);
        if (!changed.isEmpty()) {
            outbox.emit(EventTypes.PARTNER_PROFILE_UPDATED, partner.id(), partner.id(),
                    PartnerEvents.profileUpdated(partner, changed, by, now));
        }
    }

    private Program program(UUID programId) {
        return programs.find(programId)
                .orElseThrow(() -> Problems.unprocessable("program " + programId + " does not exist"));
    }

    /** The parent rule of {@link Ancestry}, against the hierarchy as this transaction sees it. */
    private void checkParent(UUID partnerId, UUID parentId) {
        if (parentId == null) {
            return;
        }
        partners.flush();
        withConnection(connection -> Ancestry.of(connection, List.of(parentId), true).checkParent(partnerId, parentId));
    }

    /** The external-id rule of {@link ExternalIdOwners}, against the ids as this transaction sees them. */
    private void checkExternalIdsFree(UUID partnerId, Map<String, String> ids) {
        List<ExternalIdOwners.Key> keys = ExternalIdOwners.keysOf(ids);
        if (!keys.isEmpty()) {
            partners.flush();
            withConnection(connection -> ExternalIdOwners.of(connection, keys).checkFree(partnerId, ids));
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void withConnection(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read partners", e);
        }
    }
}
