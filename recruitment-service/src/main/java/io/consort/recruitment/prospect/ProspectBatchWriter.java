package io.consort.recruitment.prospect;

import io.agroal.api.AgroalDataSource;
import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.outbox.OutboxMessage;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.ProspectImported;
import io.consort.recruitment.prospect.ProspectRules.ValidProspect;
import io.consort.recruitment.support.BulkLineResult;
import io.consort.recruitment.support.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Stores one batch of validated import lines in the caller's transaction with a handful of set-based
 * statements, whatever the batch size: new prospects are {@code COPY}ed straight into
 * {@code prospects}; prospects found by external id are {@code COPY}ed into a temporary table and
 * updated with one {@code UPDATE ... FROM}; external ids go through a temporary table too; and the
 * {@code prospect.imported} events are {@code COPY}ed into the chassis {@code outbox} table (its
 * shape from {@code db/chassis/V0_1__outbox.sql}; headers built with the chassis' own
 * {@link OutboxMessage}/{@link CloudEventEnvelope}, so the relay publishes them like any other).
 * Unlike {@code Outbox.emit} no per-aggregate advisory lock is taken: a new prospect has no earlier
 * event, and an updated one is row-locked by the UPDATE until commit, which orders its writers.
 */
@ApplicationScoped
public class ProspectBatchWriter {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "consort.service.name")
    String serviceName;

    public record Row(int line, ValidProspect prospect) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<BulkLineResult> write(List<Row> rows, String origin) throws SQLException, IOException {
        Instant now = Timestamps.now();
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
                prospectRow(created[i] ? inserts : updates, ids[i], p, origin, now);
                for (Map.Entry<String, String> key : p.externalIds().entrySet()) {
                    Csv.row(keys, ids[i].toString(), key.getKey(), key.getValue());
                }
                results.add(new BulkLineResult(rows.get(i).line(), created[i] ? "CREATED" : "UPDATED", ids[i], List.of()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            if (!inserts.isEmpty()) {
                copy.copyIn("COPY prospects (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", bytes(inserts));
            }
            if (!updates.isEmpty()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TEMP TABLE IF NOT EXISTS prospect_stage (LIKE prospects) ON COMMIT DELETE ROWS");
                }
                copy.copyIn("COPY prospect_stage (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", bytes(updates));
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
                copy.copyIn("COPY prospect_key_stage FROM STDIN WITH (FORMAT csv)", bytes(keys));
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
            copy.copyIn("COPY outbox (id, aggregatetype, aggregateid, type, payload, headers) FROM STDIN WITH (FORMAT csv)",
                    bytes(events(rows, ids, created, origin, now)));
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

    static void prospectRow(StringBuilder out, UUID id, ValidProspect p, String origin, Instant now) {
        String at = now.toString();
        Csv.row(out, id.toString(), p.companyName(), p.website(), p.domain(), p.region(), Csv.array(p.industries()),
                Csv.array(p.specialisations()), p.employeeCount() == null ? null : p.employeeCount().toString(),
                p.revenueBand(), Csv.array(p.certifications()), "0", at, at, origin, origin);
    }

    /**
     * The outbox rows of the batch. The JSON is written by hand rather than by Jackson: at 100,000 events
     * per import the two object-mapper calls per event were a third of the import's time. The payload
     * has exactly the fields of {@link ProspectImported} (the schema test of the contracts and the
     * Kafka test of this module check the result), the headers those of {@link OutboxMessage}.
     */
    private StringBuilder events(List<Row> rows, UUID[] ids, boolean[] created, String origin, Instant now) {
        StringBuilder out = new StringBuilder(rows.size() * 700);
        StringBuilder payload = new StringBuilder(300);
        StringBuilder headers = new StringBuilder(400);
        var type = EventTypes.PROSPECT_IMPORTED;
        String occurredAt = now.toString();
        for (int i = 0; i < rows.size(); i++) {
            if (ids[i] == null) {
                continue;
            }
            ValidProspect p = rows.get(i).prospect();
            UUID eventId = UUID.randomUUID();
            String aggregate = ids[i].toString();
            payload.setLength(0);
            payload.append("{\"prospectId\":\"").append(aggregate).append("\",\"companyName\":");
            Json.string(payload, p.companyName());
            payload.append(",\"domain\":");
            Json.string(payload, p.domain());
            payload.append(",\"region\":");
            Json.string(payload, p.region());
            payload.append(",\"created\":").append(created[i]).append(",\"origin\":");
            Json.string(payload, origin);
            payload.append(",\"occurredAt\":\"").append(occurredAt).append("\"}");
            headers.setLength(0);
            headers.append('{');
            Map<String, String> column = OutboxMessage.headersColumn(
                    CloudEventEnvelope.produce(eventId, serviceName, type.ceType(), aggregate), type.topic(),
                    OutboxMessage.keyFor(ids[i], null));
            for (Map.Entry<String, String> h : column.entrySet()) {
                if (headers.length() > 1) {
                    headers.append(',');
                }
                Json.string(headers, h.getKey());
                headers.append(':');
                Json.string(headers, h.getValue());
            }
            headers.append('}');
            Csv.row(out, eventId.toString(), type.aggregateType(), aggregate, type.ceType(), payload.toString(),
                    headers.toString());
        }
        return out;
    }

    static final class Json {

        private Json() {
        }

        static void string(StringBuilder out, String value) {
            if (value == null) {
                out.append("null");
                return;
            }
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
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

    private static ByteArrayInputStream bytes(StringBuilder csv) {
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** PostgreSQL CSV: every non-null value quoted (so an empty string is not NULL), NULL as nothing. */
    static final class Csv {

        private Csv() {
        }

        static void row(StringBuilder out, String... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                String v = values[i];
                if (v != null) {
                    out.append('"');
                    for (int c = 0; c < v.length(); c++) {
                        char ch = v.charAt(c);
                        if (ch == '"') {
                            out.append('"');
                        }
                        out.append(ch);
                    }
                    out.append('"');
                }
            }
            out.append('\n');
        }

        /** An array literal of codes; codes are UPPER_SNAKE, so they need no quoting inside the braces. */
        static String array(List<String> codes) {
            return "{" + String.join(",", codes) + "}";
        }
    }
}
