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
import io.consort.contracts.events.PartnerReinstated;
import io.consort.contracts.events.PartnerSuspended;
import io.consort.contracts.events.PartnerTerminated;
import io.consort.recruitment.onboarding.OnboardingService;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Partners: their lifecycle, profile, hierarchy and external ids. A writer locks the partner's row before
 * it reads it, and takes the narrow locks its checks need first ({@link PartnerLocks}): checks that need
 * the database then see a state no concurrent writer can change before this transaction ends.
 */
@ApplicationScoped
public class PartnerService {

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerChanges changes;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProgramService programs;

    @Inject
    Outbox outbox;

    @Inject
    OnboardingService onboarding;

    /** The outcome of an upsert: the partner and whether it was new. */
    public record Upserted(Partner partner, boolean created) {
    }

    /** A committed change of the feed, with the partner as it is now (absent if the caller may not see it). */
    public record FeedEntry(PartnerChanges.Change change, Partner partner) {
    }

    /** Changes of the feed, and whether more follow them already. */
    public record FeedPage(List<FeedEntry> entries, boolean more) {
    }

    /**
     * Creates the partner in {@code ONBOARDING}, records {@code partner.onboarding-started} and gives it its
     * onboarding checklist, inside the caller's transaction so all of it commits (or vanishes) together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Partner onboard(NewPartner newPartner, String by, Instant now) {
        return persistOnboarded(Partner.onboard(newPartner, by, now), now);
    }

    /**
     * Onboarding is complete: {@code ONBOARDING → ACTIVE} and {@code partner.activated}. For the
     * onboarding plan (when its last required task is done); 409 from any other state.
     */
    @Transactional
    public Partner activate(UUID partnerId, String by) {
        return act(partnerId, null, (partner, now) -> {
            partner.activate(by, now);
            outbox.emit(EventTypes.PARTNER_ACTIVATED, partner.id(), partner.id(),
                    PartnerEvents.activated(partner, by, now));
        });
    }

    @Transactional
    public Partner suspend(UUID partnerId, String reason, String ifMatch, String by) {
        return act(partnerId, ifMatch, (partner, now) -> {
            partner.suspend(reason, by, now);
            outbox.emit(EventTypes.PARTNER_SUSPENDED, partner.id(), partner.id(),
                    new PartnerSuspended(partner.id(), partner.programId(), reason, by, now));
        });
    }

    @Transactional
    public Partner reinstate(UUID partnerId, String ifMatch, String by) {
        return act(partnerId, ifMatch, (partner, now) -> {
            partner.reinstate(by, now);
            outbox.emit(EventTypes.PARTNER_REINSTATED, partner.id(), partner.id(),
                    new PartnerReinstated(partner.id(), partner.programId(), by, now));
        });
    }

    @Transactional
    public Partner terminate(UUID partnerId, String reason, String ifMatch, String by) {
        return act(partnerId, ifMatch, (partner, now) -> {
            partner.terminate(reason, by, now);
            outbox.emit(EventTypes.PARTNER_TERMINATED, partner.id(), partner.id(),
                    new PartnerTerminated(partner.id(), partner.programId(), reason, by, now));
        });
    }

    /**
     * Merges {@code edit} into the partner. The caller must have read it ({@code If-Match} required: a
     * merge onto a version one never saw silently keeps someone else's change); a partner-side caller may
     * only set the fields that describe its organisation (403 naming the others).
     */
    @Transactional
    public Partner patch(UUID partnerId, PartnerEdit edit, String ifMatch, boolean vendorSide, String by) {
        lockFor(edit, ExternalIdOwners.keysOf(edit.externalIds()));
        Partner partner = getLocked(partnerId);
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

    /** {@link #get}, with the partner's row locked until the transaction ends: its writers take turns. */
    private Partner getLocked(UUID id) {
        partners.lockForWrite(id);
        return get(id);
    }

    /** The partner, or 404 when it does not exist or the caller may not see it (the scope filter applies). */
    public Partner get(UUID id) {
        return partners.findByIdOptional(id).orElseThrow(() -> Problems.notFound("partner", id));
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

    /**
     * Up to {@code limit} committed changes after {@code since}, in commit order; of {@code onlyPartners}
     * unless it is null. Each comes with the partner as it is now, read through the scope filter.
     */
    public FeedPage changesAfter(PartnerChanges.Cursor since, int limit, Collection<UUID> onlyPartners) {
        List<PartnerChanges.Change> found = changes.after(since, limit + 1, onlyPartners);
        boolean more = found.size() > limit;
        List<PartnerChanges.Change> page = more ? found.subList(0, limit) : found;
        List<UUID> ids = page.stream().map(PartnerChanges.Change::partnerId).distinct().toList();
        Map<UUID, Partner> current = ids.isEmpty() ? Map.of()
                : partners.list("id in ?1", ids).stream().collect(Collectors.toMap(Partner::id, Function.identity()));
        return new FeedPage(page.stream().map(c -> new FeedEntry(c, current.get(c.partnerId()))).toList(), more);
    }

    private interface Action {
        void apply(Partner partner, Instant now);
    }

    private Partner act(UUID partnerId, String ifMatch, Action action) {
        Partner partner = getLocked(partnerId);
        ETags.requireMatch(ifMatch, partner.version());
        action.apply(partner, Timestamps.now());
        return partner;
    }

    private Partner persistOnboarded(Partner partner, Instant now) {
        partners.persist(partner);
        outbox.emit(EventTypes.PARTNER_ONBOARDING_STARTED, partner.id(), partner.id(),
                PartnerEvents.onboardingStarted(partner, now));
        // Every way in (approval, CRM upsert, bulk) starts the program's checklist, which may activate at once.
        onboarding.start(partner, partner.createdBy(), now);
        return partner;
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
        Partner partner = getLocked(known.get());
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
        return persistOnboarded(edit.newPartner(program, by, now), now);
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
