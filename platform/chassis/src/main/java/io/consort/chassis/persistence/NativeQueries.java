package io.consort.chassis.persistence;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Small native SQL queries that go straight to JDBC, on the transaction's connection.
 *
 * <p>Why not {@code createNativeQuery(sql, UUID.class)}: Hibernate 7 keys the cached plan of a native
 * query by its SQL <em>and</em> its result set mapping, and the mapping built for a result class does
 * not compare equal from one call to the next. Every call misses and adds another entry with the same
 * hash (setQueryPlanCacheable(false) is not honoured for native queries), so the plan cache fills
 * with colliding entries that every later lookup walks, and that push the HQL plans out. The partner
 * bulk upsert, one external-id lookup per line, spent half its CPU there (profiled).
 */
public final class NativeQueries {

    private NativeQueries() {
    }

    /**
     * The first column of every row of {@code sql} (JDBC {@code ?} placeholders, bound in order) as
     * {@code type}. Inside a transaction, pending entity changes are flushed first, as Hibernate does
     * before a native query, so the query sees what this transaction wrote.
     */
    public static <T> List<T> column(EntityManager entityManager, Class<T> type, String sql, Object... parameters) {
        if (entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    Object value = parameters[i];
                    statement.setObject(i + 1, value instanceof Instant instant
                            ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
                }
                List<T> values = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getObject(1, type));
                    }
                }
                return values;
            }
        });
    }
}
