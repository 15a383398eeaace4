package io.consort.recruitment.partner;

import io.consort.recruitment.partner.ExternalIdOwners.Key;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The narrow guarantees partner writers take instead of one lock for all of them (see
 * V8__partner_changes_horizon.sql), always in this order, so two writers never wait for each other in
 * a circle: the hierarchy lock (only a writer that sets a parent), the external-id locks (sorted), the
 * partners' rows (sorted), the new parents' rows (shared).
 */
final class PartnerLocks {

    /** First key of the advisory locks; the second tells the hierarchy (1) from an external id (its hash). */
    private static final int HIERARCHY = 1347571713;
    private static final int EXTERNAL_ID = 1347571714;

    /** More ids than this in one transaction are left to the unique key: the lock table is small. */
    static final int MAX_ID_LOCKS = 64;

    private PartnerLocks() {
    }

    /** Serialises the writers that set parents: a cycle needs two of them, and each checks after the other. */
    static void hierarchy(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + HIERARCHY + ", 1)");
        }
    }

    /**
     * Serialises the writers of the same (system, external id): the second upsert of a new id waits for
     * the first to commit and then finds its partner. Collisions of the hash only make a writer wait.
     */
    static void externalIds(Connection connection, Collection<Key> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<String> systems = new ArrayList<>(keys.size());
        List<String> ids = new ArrayList<>(keys.size());
        keys.forEach(k -> {
            systems.add(k.system());
            ids.add(k.externalId());
        });
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_xact_lock(" + EXTERNAL_ID
                + ", h) FROM (SELECT DISTINCT hashtext(s || '/' || e) AS h FROM unnest(?::text[], ?::text[]) "
                + "AS k (s, e) ORDER BY 1) ordered")) {
            s.setArray(1, connection.createArrayOf("text", systems.toArray()));
            s.setArray(2, connection.createArrayOf("text", ids.toArray()));
            s.executeQuery().close();
        }
    }

    /** Locks the partners' rows, in id order, until the transaction ends. */
    static void rows(Connection connection, Collection<UUID> partnerIds) throws SQLException {
        if (partnerIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id FROM partners WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE")) {
            s.setArray(1, connection.createArrayOf("uuid", partnerIds.toArray()));
            s.executeQuery().close();
        }
    }
}
