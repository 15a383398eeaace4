package io.consort.recruitment.partner;

import io.agroal.api.AgroalDataSource;
import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.recruitment.program.ProgramService;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a write of one partner ({@link PartnerPatches}, {@link PartnerUpserts}) does around
 * {@link PartnerRules}, in the caller's transaction: the narrow locks its checks need first
 * ({@link PartnerLocks}), the rules against the partners as this transaction sees them (flushed, then read
 * with the transaction's own connection), and the events. The caller locks the partner's row before it
 * reads it, so checks that need the database see a state no concurrent writer can change before this
 * transaction ends.
 */
@ApplicationScoped
public class PartnerWrites {

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerLifecycle lifecycle;

    @Inject
    ProgramService programs;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    /**
     * Takes what a write of {@code edit} needs before it reads anything (see {@link PartnerLocks} for the
     * order): the hierarchy lock if it sets a parent, and the locks of the external ids {@code keys}.
     */
    void lock(PartnerEdit edit, List<ExternalIdOwners.Key> keys) {
        withConnection(connection -> {
            if (edit.has(PartnerField.PARENT_PARTNER_ID)) {
                PartnerLocks.hierarchy(connection);
            }
            PartnerLocks.externalIds(connection, keys);
        });
    }

    /** Creates the partner {@code edit} describes: like one from an approved application, it starts ONBOARDING. */
    Partner create(PartnerEdit edit, String by) {
        Instant now = Timestamps.now();
        return lifecycle.persistOnboarded(rules().create(edit, by, now), now);
    }

    /** Applies {@code edit} to the (row-locked) partner and announces the profile change, if any. */
    void change(Partner partner, PartnerEdit edit, String by) {
        Instant now = Timestamps.now();
        PartnerRules.Changed changed = rules().change(partner, edit, by, now);
        if (!changed.profileFields().isEmpty()) {
            outbox.emit(EventTypes.PARTNER_PROFILE_UPDATED, partner.id(), partner.id(),
                    PartnerEvents.profileUpdated(partner, changed.profileFields(), by, now));
        }
    }

    private PartnerRules rules() {
        return new PartnerRules(programs::requireForReference, this::checkParent, this::checkExternalIdsFree);
    }

    /** The parent rule of {@link Ancestry}, against the hierarchy as this transaction sees it (the parent share-locked). */
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
