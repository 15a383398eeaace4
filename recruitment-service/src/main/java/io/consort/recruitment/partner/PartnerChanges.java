package io.consort.recruitment.partner;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The partner change feed: rows the {@code partners_changes} trigger writes for every insert and update
 * of a partner, numbered in commit order (see V3__partner_profile_and_changes.sql for why the numbers
 * are in commit order and what {@link #lockForWrite()} has to do with it).
 */
@ApplicationScoped
public class PartnerChanges {

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    /** One committed change: what the partner became, at which version, by whom. */
    public record Change(long sequence, UUID partnerId, String operation, PartnerState state, long version,
            String origin, Instant changedAt) {
    }

    /**
     * Takes the partner writers' lock for the rest of the current transaction. Call it before reading
     * or locking any partner row the transaction will change: writers are then serialised in one order
     * (this lock, then rows), which keeps the feed in commit order without deadlocks and makes a
     * check-then-write (a parent that must not make a cycle, an external id that must be free) race-free.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForWrite() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT lock_partner_changes()");
            }
        });
    }

    /**
     * Up to {@code limit} changes after {@code since}, oldest first; only those of {@code partners}
     * unless it is null (a vendor-side reader sees every partner's).
     */
    public List<Change> after(long since, int limit, Collection<UUID> partners) {
        String sql = "SELECT seq, partner_id, operation, state, version, origin, changed_at FROM partner_changes "
                + "WHERE seq > ?" + (partners == null ? "" : " AND partner_id = ANY (?)") + " ORDER BY seq LIMIT ?";
        List<Change> changes = new ArrayList<>(limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            query.setLong(p++, since);
            if (partners != null) {
                query.setArray(p++, connection.createArrayOf("uuid", partners.toArray()));
            }
            query.setInt(p, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                            PartnerState.valueOf(rows.getString(4)), rows.getLong(5), rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the partner change feed", e);
        }
        return changes;
    }
}
