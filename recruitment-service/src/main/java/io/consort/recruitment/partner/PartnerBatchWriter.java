package io.consort.recruitment.partner;

import io.agroal.api.AgroalDataSource;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.problem.ProblemException;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.contracts.events.PartnerProfileUpdated;
import io.consort.recruitment.onboarding.OnboardingStarts;
import io.consort.recruitment.partner.ExternalIdOwners.Key;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.program.ProgramService;
import io.consort.recruitment.support.Csv;
import io.consort.recruitment.support.IllegalTransitionException;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Stores one batch of bulk upsert lines in the caller's transaction, set-based: the batch's external
 * ids, partners and the hierarchy above the parents it names are read in three queries; every line is
 * then checked and applied in memory in input order by {@link PartnerRules}, the rules of a single
 * upsert (program and type, parent without cycle against the hierarchy as the earlier lines left it,
 * every connected system's ids naming at most one partner), a refused line becoming a FAILED result that
 * changes nothing; and what the accepted lines did is written with a few statements whatever the batch size:
 * new partners {@code COPY}ed into {@code partners} (the change-feed trigger records them), changed
 * ones {@code COPY}ed into a staging table and updated with one {@code UPDATE ... FROM}, external ids
 * and onboarding checklists {@code COPY}ed, and the events with {@link Outbox#emitAll}, per partner in
 * the order a single upsert emits them. A batch holds each partner at most once (the caller cuts
 * batches where a line names an id an earlier line of the batch named).
 */
@ApplicationScoped
public class PartnerBatchWriter {

    /** A bulk line already checked on its own. */
    record Line(int line, String system, String externalId, PartnerEdit edit) {

        /** The ids the line names: its own, and those it gives the partner. */
        List<Key> keys() {
            List<Key> keys = new ArrayList<>(ExternalIdOwners.keysOf(edit.externalIds()));
            keys.add(new Key(system, externalId));
            return keys;
        }
    }

    static final String COLUMNS = "id, program_id, application_id, parent_partner_id, name, partner_type, region, "
            + "domain, state, tier, tier_changed_at, version, created_at, updated_at, created_by, updated_by, origin, "
            + "website, description, specialisations, industries, listed_in_directory, state_reason, state_changed_at";

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProgramService programs;

    @Inject
    Outbox outbox;

    @Inject
    OnboardingStarts onboarding;

    @Transactional(Transactional.TxType.MANDATORY)
    public List<BulkLineResult> write(List<Line> lines, String origin) throws SQLException, IOException {
        Instant now = Timestamps.now();
        try (Connection connection = dataSource.getConnection()) {
            Set<Key> keys = new HashSet<>();
            Set<UUID> parents = new HashSet<>();
            boolean moves = false;
            for (Line line : lines) {
                keys.addAll(line.keys());
                if (line.edit().has(PartnerField.PARENT_PARTNER_ID)) {
                    moves = true;
                    if (line.edit().value(PartnerField.PARENT_PARTNER_ID) != null) {
                        parents.add(line.edit().value(PartnerField.PARENT_PARTNER_ID));
                    }
                }
            }
            // The narrow locks, in PartnerLocks' order. A batch's many ids are left to the unique key: a
            // concurrent writer of one of them makes the batch fail, and its lines are stored one by one.
            if (moves) {
                PartnerLocks.hierarchy(connection);
            }
            if (keys.size() <= PartnerLocks.MAX_ID_LOCKS) {
                PartnerLocks.externalIds(connection, keys);
            }
            ExternalIdOwners owners = ExternalIdOwners.of(connection, keys);
            Map<UUID, Partner> existing = load(connection, lines, owners);
            Ancestry ancestry = Ancestry.of(connection, parents, true);
            Batch batch = new Batch(owners, ancestry, existing, origin, now);
            List<BulkLineResult> results = new ArrayList<>(lines.size());
            for (Line line : lines) {
                try {
                    results.add(batch.apply(line));
                } catch (ProblemException e) {
                    List<FieldError> errors = e.toProblem().errors();
                    results.add(BulkLineResult.failed(line.line(), errors == null || errors.isEmpty()
                            ? List.of(new FieldError("", e.toProblem().detail())) : errors));
                } catch (IllegalTransitionException e) {
                    results.add(BulkLineResult.failed(line.line(), "", e.getMessage()));
                }
            }
            batch.store(connection);
            return results;
        }
    }

    /**
     * The partners the lines' own ids name, their rows locked first; detached, so nothing here is
     * flushed by Hibernate.
     */
    private Map<UUID, Partner> load(Connection connection, List<Line> lines, ExternalIdOwners owners)
            throws SQLException {
        Set<UUID> ids = new HashSet<>();
        for (Line line : lines) {
            UUID id = owners.owner(line.system(), line.externalId());
            if (id != null) {
                ids.add(id);
            }
        }
        Map<UUID, Partner> found = new HashMap<>();
        if (!ids.isEmpty()) {
            PartnerLocks.rows(connection, ids);
            // One array parameter, not an IN list of up to 5,000: Hibernate's query plan cache hits whatever the
            // batch's size, and PostgreSQL plans one = ANY ($1) instead of thousands of parameters. Read-only:
            // the entities are detached at once, so no snapshot of their state is kept.
            for (Partner p : entityManager.createQuery(
                    "select distinct p from Partner p left join fetch p.externalIds where array_contains(:ids, p.id)",
                    Partner.class)
                    .setParameter("ids", ids.toArray(new UUID[0]))
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultList()) {
                found.put(p.id(), p);
                entityManager.detach(p);
            }
        }
        return found;
    }

    /** What the accepted lines of one batch did, in memory until {@link #store}. */
    private final class Batch {

        private final ExternalIdOwners owners;
        private final Ancestry ancestry;
        private final Map<UUID, Partner> existing;
        private final String origin;
        private final Instant now;
        private final Map<UUID, Program> programCache = new HashMap<>();
        private final PartnerRules rules;
        private final List<Partner> created = new ArrayList<>();
        private final Map<Partner, List<String>> updated = new LinkedHashMap<>();
        private final List<Partner> idsChanged = new ArrayList<>();

        Batch(ExternalIdOwners owners, Ancestry ancestry, Map<UUID, Partner> existing, String origin, Instant now) {
            this.owners = owners;
            this.ancestry = ancestry;
            this.existing = existing;
            this.origin = origin;
            this.now = now;
            this.rules = new PartnerRules(id -> programCache.computeIfAbsent(id, programs::requireForReference),
                    ancestry::checkParent, owners::checkFree);
        }

        /** Checks a line against the batch so far by the rules of a single upsert and applies it. */
        BulkLineResult apply(Line line) {
            PartnerEdit edit = PartnerRules.forExternalId(line.system(), line.externalId(), line.edit());
            UUID known = owners.owner(line.system(), line.externalId());
            if (known == null) {
                Partner partner = rules.create(edit, origin, now);
                owners.assigned(partner.id(), Map.of(), partner.externalIds());
                created.add(partner);
                return BulkLineResult.stored(line.line(), true, partner.id());
            }
            Partner partner = existing.get(known);
            Map<String, String> idsBefore = partner.externalIds();
            PartnerRules.Changed changed = rules.change(partner, edit, origin, now);
            if (changed.externalIds()) {
                owners.assigned(partner.id(), idsBefore, partner.externalIds());
                idsChanged.add(partner);
                updated.putIfAbsent(partner, changed.profileFields());
            }
            if (!changed.profileFields().isEmpty()) {
                updated.put(partner, changed.profileFields());
            }
            if (edit.has(PartnerField.PARENT_PARTNER_ID)) {
                ancestry.moved(partner.id(), partner.parentPartnerId(), partner.state());
            }
            return BulkLineResult.stored(line.line(), false, partner.id());
        }

        void store(Connection connection) throws SQLException, IOException {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            if (!created.isEmpty()) {
                StringBuilder rows = new StringBuilder(created.size() * 400);
                created.forEach(p -> row(rows, p));
                copy.copyIn("COPY partners (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", Csv.bytes(rows));
            }
            if (!updated.isEmpty()) {
                StringBuilder rows = new StringBuilder(updated.size() * 400);
                updated.keySet().forEach(p -> row(rows, p));
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TEMP TABLE IF NOT EXISTS partner_stage (LIKE partners) ON COMMIT DELETE ROWS");
                }
                copy.copyIn("COPY partner_stage (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", Csv.bytes(rows));
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("""
                            UPDATE partners p SET program_id = s.program_id, parent_partner_id = s.parent_partner_id,
                                   name = s.name, partner_type = s.partner_type, region = s.region, domain = s.domain,
                                   website = s.website, description = s.description,
                                   specialisations = s.specialisations, industries = s.industries,
                                   listed_in_directory = s.listed_in_directory, version = p.version + 1,
                                   updated_at = s.updated_at, updated_by = s.updated_by, origin = s.origin
                            FROM partner_stage s WHERE p.id = s.id""");
                }
            }
            storeExternalIds(connection, copy);
            Map<UUID, UUID> programs = new LinkedHashMap<>();
            created.forEach(p -> programs.put(p.id(), p.programId()));
            Set<UUID> complete = onboarding.startAll(connection, programs, now);
            List<Partner> activated = activate(connection, complete);
            emit(activated);
        }

        /** A partner's ids are replaced whole: the old rows of partners whose ids changed go, then every row comes in. */
        private void storeExternalIds(Connection connection, CopyManager copy) throws SQLException, IOException {
            if (!idsChanged.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement(
                        "DELETE FROM partner_external_ids WHERE partner_id = ANY (?)")) {
                    s.setArray(1, connection.createArrayOf("uuid", idsChanged.stream().map(Partner::id).toArray()));
                    s.executeUpdate();
                }
            }
            StringBuilder rows = new StringBuilder((created.size() + idsChanged.size()) * 80);
            for (List<Partner> partners : List.of(created, idsChanged)) {
                for (Partner p : partners) {
                    p.externalIds().forEach((system, id) -> Csv.row(rows, p.id().toString(), system, id));
                }
            }
            if (!rows.isEmpty()) {
                copy.copyIn("COPY partner_external_ids (partner_id, system, external_id) FROM STDIN WITH (FORMAT csv)",
                        Csv.bytes(rows));
            }
        }

        /**
         * New partners whose checklist is complete from the start become ACTIVE at once, as a single
         * upsert's do: a second change of the row after its creation, so the feed shows both.
         */
        private List<Partner> activate(Connection connection, Set<UUID> complete) throws SQLException {
            List<Partner> activated = created.stream().filter(p -> complete.contains(p.id())).toList();
            if (activated.isEmpty()) {
                return activated;
            }
            activated.forEach(p -> p.activate(origin, now));
            try (PreparedStatement s = connection.prepareStatement("""
                    UPDATE partners SET state = 'ACTIVE', state_reason = NULL, state_changed_at = ?, updated_at = ?,
                           updated_by = ?, origin = ?, version = version + 1
                    WHERE id = ANY (?)""")) {
                Timestamp at = Timestamp.from(now);
                s.setTimestamp(1, at);
                s.setTimestamp(2, at);
                s.setString(3, origin);
                s.setString(4, origin);
                s.setArray(5, connection.createArrayOf("uuid", activated.stream().map(Partner::id).toArray()));
                s.executeUpdate();
            }
            return activated;
        }

        private void emit(List<Partner> activated) {
            List<Outbox.Emission<PartnerOnboardingStarted>> started = new ArrayList<>(created.size());
            created.forEach(p -> started.add(new Outbox.Emission<>(p.id(), p.id(), PartnerEvents.onboardingStarted(p, now))));
            outbox.emitAll(EventTypes.PARTNER_ONBOARDING_STARTED, started);
            List<Outbox.Emission<PartnerActivated>> active = new ArrayList<>(activated.size());
            activated.forEach(p -> active.add(new Outbox.Emission<>(p.id(), p.id(), PartnerEvents.activated(p, origin, now))));
            outbox.emitAll(EventTypes.PARTNER_ACTIVATED, active);
            List<Outbox.Emission<PartnerProfileUpdated>> profiles = new ArrayList<>(updated.size());
            updated.forEach((p, changed) -> {
                if (!changed.isEmpty()) { // empty: only its ids changed, which profile events do not name
                    profiles.add(new Outbox.Emission<>(p.id(), p.id(), PartnerEvents.profileUpdated(p, changed, origin, now)));
                }
            });
            outbox.emitAll(EventTypes.PARTNER_PROFILE_UPDATED, profiles);
        }
    }

    private static void row(StringBuilder out, Partner p) {
        Csv.row(out, p.id().toString(), p.programId().toString(), string(p.applicationId()), string(p.parentPartnerId()),
                p.name(), p.type().name(), p.region(), p.domain(), p.state().name(), p.tier(), string(p.tierChangedAt()),
                Long.toString(p.version()), p.createdAt().toString(), p.updatedAt().toString(), p.createdBy(),
                p.updatedBy(), p.origin(), p.website(), p.description(), Csv.array(p.specialisations()),
                Csv.array(p.industries()), Boolean.toString(p.listedInDirectory()), p.stateReason(),
                string(p.stateChangedAt()));
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
