package io.consort.recruitment.partner;

import io.consort.chassis.problem.Problems;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hierarchy above some partners (each one's parent and state, up to the roots), read in one
 * recursive query, and the rule a new parent must keep: it exists, is not terminated, and is not the
 * partner itself or below it, so the hierarchy stays a forest. A batch records each accepted move
 * ({@link #moved}) so the next line is checked against the hierarchy as the batch leaves it.
 */
final class Ancestry {

    // UNION, not UNION ALL: should a cycle ever reach the table, the walk still ends.
    private static final String UP = """
            WITH RECURSIVE up (id, parent_partner_id, state) AS (
                SELECT id, parent_partner_id, state FROM partners WHERE id = ANY (?)
                UNION
                SELECT p.id, p.parent_partner_id, p.state FROM partners p JOIN up ON p.id = up.parent_partner_id
            )
            SELECT id, parent_partner_id, state FROM up""";

    private record Node(UUID parent, PartnerState state) {
    }

    private final Map<UUID, Node> nodes;

    private Ancestry(Map<UUID, Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * The partners {@code ids} and everything above them, as committed or flushed in this transaction;
     * with {@code lock}, the rows of {@code ids} share-locked first, so none of them is terminated before
     * this transaction ends (what is above them only changes under the hierarchy lock).
     */
    static Ancestry of(Connection connection, Collection<UUID> ids, boolean lock) throws SQLException {
        Map<UUID, Node> nodes = new HashMap<>();
        if (!ids.isEmpty()) {
            if (lock) {
                try (PreparedStatement s = connection.prepareStatement(
                        "SELECT id FROM partners WHERE id = ANY (?) ORDER BY id FOR SHARE")) {
                    s.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                    s.executeQuery().close();
                }
            }
            try (PreparedStatement query = connection.prepareStatement(UP)) {
                Array array = connection.createArrayOf("uuid", ids.toArray());
                query.setArray(1, array);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        nodes.put(rows.getObject(1, UUID.class), new Node(rows.getObject(2, UUID.class),
                                PartnerState.valueOf(rows.getString(3))));
                    }
                }
            }
        }
        return new Ancestry(nodes);
    }

    /**
     * Refuses (422) {@code parentId} as the parent of {@code partnerId} (null: a partner not created yet):
     * unknown, terminated, the partner itself, or below it. A null parent is always fine.
     */
    void checkParent(UUID partnerId, UUID parentId) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(partnerId)) {
            throw Problems.unprocessable("a partner cannot be its own parent");
        }
        Node parent = nodes.get(parentId);
        if (parent == null) {
            throw Problems.unprocessable("parent partner " + parentId + " does not exist");
        }
        if (parent.state() == PartnerState.TERMINATED) {
            throw Problems.unprocessable("parent partner " + parentId + " is TERMINATED");
        }
        if (partnerId == null) {
            return;
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID above = parentId; above != null && seen.add(above); above = parentOf(above)) {
            if (above.equals(partnerId)) {
                throw Problems.unprocessable("partner " + parentId + " is below partner " + partnerId
                        + " in the hierarchy; making it the parent would make a cycle");
            }
        }
    }

    /** Records that {@code partnerId} (in {@code state}) now has {@code parentId} above it. */
    void moved(UUID partnerId, UUID parentId, PartnerState state) {
        nodes.put(partnerId, new Node(parentId, state));
    }

    private UUID parentOf(UUID id) {
        Node node = nodes.get(id);
        return node == null ? null : node.parent();
    }
}
