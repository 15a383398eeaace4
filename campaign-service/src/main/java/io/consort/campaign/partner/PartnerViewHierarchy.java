package io.consort.campaign.partner;

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
 * The partner hierarchy for the chassis caller scope, from the view's {@code parent_partner_id} (which
 * {@code partner.profile-updated} carries): a partner-admin of a distributor sees its resellers'
 * enrolments, leads and clicks. Plain JDBC, not the entity manager: the chassis asks while Hibernate
 * resolves the scope filter of a query, and the view itself is scope-filtered.
 */
@ApplicationScoped
public class PartnerViewHierarchy implements PartnerHierarchy {

    // UNION (not UNION ALL) ends the walk even if the events ever described a cycle.
    private static final String BELOW = """
            with recursive below (id) as (
                select id from partners where parent_partner_id = ?
                union
                select child.id from partners child join below on child.parent_partner_id = below.id
            )
            select id from below""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Set<UUID> descendantsOf(UUID partnerId) {
        Set<UUID> below = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BELOW)) {
            query.setObject(1, partnerId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    below.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the partners below " + partnerId + " from the partner view", e);
        }
        below.remove(partnerId);
        return below;
    }
}
