package io.consort.recruitment.prospect;

import io.agroal.api.AgroalDataSource;
import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ProspectImported;
import io.consort.recruitment.prospect.ProspectRules.ValidProspect;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.recruitment.support.Csv;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Stores one batch of validated import lines in the caller's transaction with a handful of set-based
 * statements, whatever the batch size: new prospects are {@code COPY}ed straight into
 * {@code prospects}; prospects found by external id are {@code COPY}ed into a temporary table and
 * updated with one {@code UPDATE ... FROM}; external ids go through a temporary table too; and the
 * {@code prospect.imported} events are written with {@link Outbox#emitAll}: one outbox row per event in
 * Debezium's outbox shape, thousands of rows per multi-row statement. That
 * emitAll takes no per-aggregate lock is sound here: a new prospect has no earlier event, and an
 * updated one is row-locked by the UPDATE until commit, which orders its writers.
 */
@ApplicationScoped
public class ProspectBatchWriter {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    public record Row(int line, ValidProspect prospect) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<BulkLineResult> write(List<Row> rows, String origin) throws SQLException, IOException {
        Instant now = Timestamps.now();
        String at = now.toString();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL consort.prospects.generation_after_commit = 'on'");
            }
            Map<String, UUID> known = resolveExternalIds(connection, rows);
            UUID[] ids = new UUID[rows.size()];
            boolean[] created = new boolean[rows.size()];
            List<BulkLineResult> results = new ArrayList<>(rows.size());
            StringBuilder inserts = new StringBuilder(rows.size() * 200);
            StringBuilder updates = new StringBuilder();
            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < rows.size(); i++) {
                ValidProspect p = rows.get(i).prospect();
                Set<UUID> found = new HashSet<>(2);
                p.externalIds().forEach((system, id) -> {
                    UUID existing = known.get(system + '\u0000' + id);
                    if (existing != null) {
                        found.add(existing);
                    }
                });
                if (found.size() > 1) {
                    results.add(new BulkLineResult(rows.get(i).line(), "FAILED", null, List.of(new io.consort.chassis.problem.Problem.FieldError(
                            "externalIds", "these external ids belong to different prospects " + found))));
                    continue;
                }
                created[i] = found.isEmpty();
                ids[i] = created[i] ? UUID.randomUUID() : found.iterator().next();
                prospectRow(created[i] ? inserts : updates, ids[i], p, origin, at);
                for (Map.Entry<String, String> key : p.externalIds().entrySet()) {
                    Csv.row(keys, ids[i].toString(), key.getKey(), key.getValue());
                }
                results.add(new BulkLineResult(rows.get(i).line(), created[i] ? "CREATED" : "UPDATED", ids[i], List.of()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            if (!inserts.isEmpty()) {
                copy.copyIn("COPY prospects (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", Csv.bytes(inserts));
            }
            if (!updates.isEmpty()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TEMP TABLE IF NOT EXISTS prospect_stage (LIKE prospects) ON COMMIT DELETE ROWS");
                }
                copy.copyIn("COPY prospect_stage (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", Csv.bytes(updates));
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("""
                            UPDATE prospects p SET company_name = s.company_name, website = s.website, domain = s.domain,
                                   region = s.region, industries = s.industries, specialisations = s.specialisations,
                                   employee_count = s.employee_count, revenue_band = s.revenue_band,
                                   certifications = s.certifications, version = p.version + 1,
                                   updated_at = s.updated_at, updated_by = s.updated_by
                            FROM prospect_stage s WHERE p.id = s.id""");
                }
            }
            if (!keys.isEmpty()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TEMP TABLE IF NOT EXISTS prospect_key_stage (prospect_id uuid, system text, "
                            + "external_id text) ON COMMIT DELETE ROWS");
                }
                copy.copyIn("COPY prospect_key_stage FROM STDIN WITH (FORMAT csv)", Csv.bytes(keys));
                try (Statement s = connection.createStatement()) {
                    // A system's id replaced on a known prospect: the old key no longer names it.
                    s.executeUpdate("""
                            DELETE FROM prospect_external_ids k USING prospect_key_stage s
                            WHERE k.prospect_id = s.prospect_id AND k.system = s.system AND k.external_id <> s.external_id""");
                    s.executeUpdate("""
                            INSERT INTO prospect_external_ids (prospect_id, system, external_id)
                            SELECT prospect_id, system, external_id FROM prospect_key_stage
                            ON CONFLICT (prospect_id, system) DO NOTHING""");
                }
            }
            List<Outbox.Emission<ProspectImported>> events = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                if (ids[i] != null) {
                    ValidProspect p = rows.get(i).prospect();
                    events.add(new Outbox.Emission<>(ids[i], null, new ProspectImported(ids[i], p.companyName(),
                            p.domain(), p.region(), created[i], origin, now)));
                }
            }
            outbox.emitAll(EventTypes.PROSPECT_IMPORTED, events);
            return results;
        }
    }

    /**
     * Tells the recommendations' projection that prospects changed; called after a batch committed, in
     * its own short transaction (see V2__prospects.sql).
     */
    public void announceChange() {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE prospect_generation SET generation = generation + 1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot bump the prospect generation", e);
        }
    }

    static final String COLUMNS = "id, company_name, website, domain, region, industries, specialisations, "
            + "employee_count, revenue_band, certifications, version, created_at, updated_at, created_by, updated_by";

    /** A row of {@link #COLUMNS}; {@code at} is the batch's timestamp, formatted once for all its rows. */
    static void prospectRow(StringBuilder out, UUID id, ValidProspect p, String origin, String at) {
        Csv.row(out, id.toString(), p.companyName(), p.website(), p.domain(), p.region(), Csv.array(p.industries()),
                Csv.array(p.specialisations()), p.employeeCount() == null ? null : p.employeeCount().toString(),
                p.revenueBand(), Csv.array(p.certifications()), "0", at, at, origin, origin);
    }

    /** The prospects that already carry any of the batch's external ids, by "system NUL id". */
    private static Map<String, UUID> resolveExternalIds(Connection connection, List<Row> rows) throws SQLException {
        List<String> systems = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        for (Row row : rows) {
            row.prospect().externalIds().forEach((system, id) -> {
                systems.add(system);
                externalIds.add(id);
            });
        }
        Map<String, UUID> known = new HashMap<>();
        if (systems.isEmpty()) {
            return known;
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT k.system, k.external_id, k.prospect_id FROM prospect_external_ids k
                JOIN unnest(?::text[], ?::text[]) AS q(system, external_id) USING (system, external_id)""")) {
            Array s = connection.createArrayOf("text", systems.toArray());
            Array e = connection.createArrayOf("text", externalIds.toArray());
            query.setArray(1, s);
            query.setArray(2, e);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1) + '\u0000' + rs.getString(2), rs.getObject(3, UUID.class));
                }
            }
        }
        return known;
    }
}
