package io.consort.recruitment.partner;

import io.agroal.api.AgroalDataSource;
import io.consort.chassis.security.PartnerHierarchy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The partner hierarchy (a distributor and its resellers) for the chassis: with this bean a
 * partner-admin of a parent sees its descendants wherever the partner scope applies. Plain JDBC rather
 * than the entity manager, because the chassis asks while Hibernate resolves the scope filter of a
 * query; inside a transaction Agroal hands out the transaction's own connection, so a check sees the
 * transaction's flushed changes.
 */
@ApplicationScoped
public class PartnerTree implements PartnerHierarchy {

    // UNION, not UNION ALL: should a cycle ever reach the table, the walk still ends.
    private static final String DESCENDANTS = """
            WITH RECURSIVE below (id) AS (
                SELECT id FROM partners WHERE parent_partner_id = ?
                UNION
                SELECT p.id FROM partners p JOIN below b ON p.parent_partner_id = b.id
            )
            SELECT id FROM below""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Set<UUID> descendantsOf(UUID partnerId) {
        Set<UUID> ids = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(DESCENDANTS)) {
            query.setObject(1, partnerId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the partners below " + partnerId, e);
        }
        ids.remove(partnerId);
        return ids;
    }
}
