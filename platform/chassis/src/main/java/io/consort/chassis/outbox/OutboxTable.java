package io.consort.chassis.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The relay's SQL on its own connection: the relay lock, the unsent rows of a round, marking them sent,
 * parking a row that can never be published, counting parked rows, and purging sent rows past the
 * retention.
 */
final class OutboxTable {

    private static final Logger LOG = Logger.getLogger(OutboxTable.class);

    /** (class, object) of the relay's session lock; distinct from {@link Outbox#AGGREGATE_LOCK_CLASS}. */
    static final int RELAY_LOCK_CLASS = 0x4f42_0002;
    static final int RELAY_LOCK_OBJECT = 1;

    /**
     * The oldest unsent rows up to the one that reaches the round's number of events (a legacy batch row
     * counts its events). The window runs over at most batch-size rows of the partial index, in seq
     * order, and only the rows kept are detoasted and converted to text.
     */
    static final String SELECT_UNSENT = """
            select id, headers::text, payload::text, created_at from (
                select id, seq, headers, payload, created_at,
                       sum(events) over (order by seq rows between unbounded preceding and 1 preceding) as before
                from (select id, seq, headers, payload, created_at,
                             coalesce((headers #>> '{%s,%s}')::int, 1) as events
                      from outbox where sent_at is null and parked_at is null order by seq limit ?) unsent
            ) counted where coalesce(before, 0) < ? order by seq""".formatted(OutboxMessage.BATCH, OutboxMessage.EVENTS);
    private static final String MARK_SENT = "update outbox set sent_at = clock_timestamp() where id = any(?)";
    private static final String PARK = "update outbox set parked_at = clock_timestamp(), park_reason = ? where id = ?";
    /** Over the partial index outbox_parked (V0_5): as cheap as the parked rows are few. */
    private static final String COUNT_PARKED = "select count(*) from outbox where parked_at is not null";
    private static final String PURGE = """
            delete from outbox where id in (
              select id from outbox where sent_at is not null and sent_at < ? limit ?)""";
    private static final int PURGE_CHUNK = 5_000;

    private OutboxTable() {
    }

    /** A connection of the relay's own (not pooled, so its session lock lives exactly as long as it). */
    static Connection connect(String jdbcUrl, Optional<String> user, Optional<String> password) throws SQLException {
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "consort-outbox-relay");
        // The driver directly rather than DriverManager: Quarkus's class loaders hide drivers from it.
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl);
        }
        connection.setAutoCommit(true);
        return connection;
    }

    static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, RELAY_LOCK_CLASS);
            lock.setInt(2, RELAY_LOCK_OBJECT);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    static void markSent(Connection connection, List<UUID> sent) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
            Array array = connection.createArrayOf("uuid", sent.toArray());
            mark.setArray(1, array);
            mark.executeUpdate();
        }
    }

    static void park(Connection connection, UUID id, String reason) throws SQLException {
        try (PreparedStatement park = connection.prepareStatement(PARK)) {
            park.setString(1, reason);
            park.setObject(2, id);
            park.executeUpdate();
        }
        LOG.errorf("Outbox relay parked row %s, which it can never publish (%s); the events after it go on. "
                + "Fix it and set its parked_at to null to publish it, or delete it.", id, reason);
    }

    static long countParked(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT_PARKED); ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Deletes one chunk of rows sent longer ago than {@code retention}; returns whether more may remain. */
    static boolean purgeChunk(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setObject(1, OffsetDateTime.now().minus(retention));
            purge.setInt(2, PURGE_CHUNK);
            int deleted = purge.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("Purged %d sent outbox rows", deleted);
            }
            return deleted == PURGE_CHUNK;
        }
    }
}
