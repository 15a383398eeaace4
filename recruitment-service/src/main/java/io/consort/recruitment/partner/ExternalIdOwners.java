package io.consort.recruitment.partner;

import io.consort.chassis.problem.Problems;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which partner each of some (system, external id) pairs names, read in one query, and the rule every
 * connected system's ids keep: an id names at most one partner (409 otherwise). A batch records each
 * accepted change of a partner's ids ({@link #assigned}) so the next line sees the ids as the batch
 * leaves them.
 */
final class ExternalIdOwners {

    /** One system's id. */
    record Key(String system, String externalId) {
    }

    private final Map<Key, UUID> owners;

    private ExternalIdOwners(Map<Key, UUID> owners) {
        this.owners = owners;
    }

    static ExternalIdOwners of(Connection connection, Collection<Key> keys) throws SQLException {
        Map<Key, UUID> owners = new HashMap<>();
        if (!keys.isEmpty()) {
            List<String> systems = new ArrayList<>(keys.size());
            List<String> ids = new ArrayList<>(keys.size());
            for (Key key : keys) {
                systems.add(key.system());
                ids.add(key.externalId());
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT k.system, k.external_id, k.partner_id FROM partner_external_ids k
                    JOIN unnest(?::text[], ?::text[]) AS q (system, external_id) USING (system, external_id)""")) {
                query.setArray(1, connection.createArrayOf("text", systems.toArray()));
                query.setArray(2, connection.createArrayOf("text", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        owners.put(new Key(rows.getString(1), rows.getString(2)), rows.getObject(3, UUID.class));
                    }
                }
            }
        }
        return new ExternalIdOwners(owners);
    }

    /** The keys an edit's ids name (a removal names none). */
    static List<Key> keysOf(Map<String, String> ids) {
        List<Key> keys = new ArrayList<>(ids.size());
        ids.forEach((system, id) -> {
            if (id != null) {
                keys.add(new Key(system, id));
            }
        });
        return keys;
    }

    UUID owner(String system, String externalId) {
        return owners.get(new Key(system, externalId));
    }

    /** Refuses (409) ids that name a partner other than {@code partnerId} (null: one not created yet). */
    void checkFree(UUID partnerId, Map<String, String> ids) {
        ids.forEach((system, externalId) -> {
            UUID owner = externalId == null ? null : owner(system, externalId);
            if (owner != null && !owner.equals(partnerId)) {
                throw Problems.conflict(system + " id " + externalId + " already names partner " + owner);
            }
        });
    }

    /** Records that {@code partnerId}'s ids went from {@code before} to {@code after}. */
    void assigned(UUID partnerId, Map<String, String> before, Map<String, String> after) {
        before.forEach((system, id) -> owners.remove(new Key(system, id), partnerId));
        after.forEach((system, id) -> owners.put(new Key(system, id), partnerId));
    }
}
