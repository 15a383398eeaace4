package io.consort.recruitment.recommendation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every prospect's scoring facts in memory ({@link ProspectIndex}), reloaded with one query of only the
 * needed columns when prospects changed. Whether they changed costs one read of
 * {@code prospect_generation}, a counter a statement trigger bumps in every transaction that writes
 * prospects. The counter is read before the rows: a change committed in between makes the index
 * newer than its label, which only causes one needless reload, never a stale answer.
 */
@ApplicationScoped
public class ProspectProjection {

    private static final Logger LOG = Logger.getLogger(ProspectProjection.class);

    @Inject
    AgroalDataSource dataSource;

    private volatile ProspectIndex current;

    public ProspectIndex current() {
        try (Connection connection = dataSource.getConnection()) {
            long generation = generation(connection);
            ProspectIndex index = current;
            if (index != null && index.generation() == generation) {
                return index;
            }
            synchronized (this) {
                index = current;
                if (index != null && index.generation() == generation) {
                    return index;
                }
                long started = System.nanoTime();
                index = ProspectIndex.of(load(connection), generation);
                LOG.debugf("loaded %d prospects for scoring in %d ms", index.size(),
                        (System.nanoTime() - started) / 1_000_000);
                current = index;
                return index;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the prospects", e);
        }
    }

    private static long generation(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT generation FROM prospect_generation")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<ProspectFacts> load(Connection connection) throws SQLException {
        List<ProspectFacts> facts = new ArrayList<>();
        // Codes repeat across prospects: one String instance per code keeps the index small.
        Map<String, String> interned = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery("""
                    SELECT id, company_name, region, industries, specialisations, employee_count, revenue_band,
                           certifications FROM prospects""")) {
                while (rs.next()) {
                    int employees = rs.getInt(6);
                    facts.add(new ProspectFacts(rs.getObject(1, UUID.class), rs.getString(2),
                            intern(interned, rs.getString(3)), codes(interned, rs.getArray(4)),
                            codes(interned, rs.getArray(5)), rs.wasNull() ? null : employees,
                            intern(interned, rs.getString(7)), codes(interned, rs.getArray(8))));
                }
            }
        }
        return facts;
    }

    private static List<String> codes(Map<String, String> interned, Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        String[] values = (String[]) array.getArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = intern(interned, values[i]);
        }
        return Arrays.asList(values);
    }

    private static String intern(Map<String, String> interned, String value) {
        return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }
}
