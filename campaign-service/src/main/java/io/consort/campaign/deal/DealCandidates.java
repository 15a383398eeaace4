package io.consort.campaign.deal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.agroal.api.AgroalDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The registrations of a customer domain and any of some products that are approved or pending, of every
 * partner: native SQL on purpose, since the partner row filter would hide exactly the rivals a partner's
 * submission must be checked against. Uses the (customer_domain, product) index of V50.
 */
@ApplicationScoped
public class DealCandidates {

    private static final String SQL = """
            SELECT d.id, d.partner_id, d.customer_domain, d.products, d.state, d.protected_until, d.claim_ends_at
            FROM deal_registrations d
            WHERE d.id IN (SELECT p.deal_id FROM deal_registration_products p
                           WHERE p.customer_domain = ? AND p.product = ANY (?))
              AND d.state IN ('SUBMITTED', 'IN_REVIEW', 'ACTION_REQUIRED', 'APPROVED')
            """;

    /** The same for several domains at once (a list page): a superset, which {@link ChannelConflicts#of} narrows per registration. */
    private static final String SQL_MANY = """
            SELECT d.id, d.partner_id, d.customer_domain, d.products, d.state, d.protected_until, d.claim_ends_at
            FROM deal_registrations d
            WHERE d.id IN (SELECT p.deal_id FROM deal_registration_products p
                           WHERE p.customer_domain = ANY (?) AND p.product = ANY (?))
              AND d.state IN ('SUBMITTED', 'IN_REVIEW', 'ACTION_REQUIRED', 'APPROVED')
            """;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    public List<ChannelConflicts.Existing> of(String customerDomain, List<String> products) {
        return query(SQL, customerDomain, products);
    }

    /** The candidates of every one of {@code customerDomains} and any of {@code products}, in one query. */
    public List<ChannelConflicts.Existing> ofAny(Collection<String> customerDomains, Collection<String> products) {
        if (customerDomains.isEmpty() || products.isEmpty()) {
            return List.of();
        }
        return query(SQL_MANY, customerDomains, products);
    }

    /**
     * Inside a transaction (a submission, a review) on its connection, after a flush; outside one (the stand-alone
     * conflict check) straight on a pooled connection in auto-commit: no JTA transaction, no Hibernate session, no
     * COMMIT round trip for a single read (the profile of {@code bench/campaign-deals} showed the transaction's
     * begin and commit costing more than the query).
     */
    private List<ChannelConflicts.Existing> query(String sql, Object domains, Collection<String> products) {
        if (!em.isJoinedToTransaction()) {
            try (Connection connection = dataSource.getConnection()) {
                return run(connection, sql, domains, products);
            } catch (SQLException e) {
                throw new IllegalStateException("the channel-conflict candidates could not be read", e);
            }
        }
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> run(connection, sql, domains, products));
    }

    private static List<ChannelConflicts.Existing> run(Connection connection, String sql, Object domains,
            Collection<String> products) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("text", products.toArray());
            Array domainArray = null;
            if (domains instanceof Collection<?> many) {
                domainArray = connection.createArrayOf("text", many.toArray());
                statement.setArray(1, domainArray);
            } else {
                statement.setString(1, (String) domains);
            }
            statement.setArray(2, array);
            List<ChannelConflicts.Existing> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new ChannelConflicts.Existing(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getString(3), Arrays.asList((String[]) rows.getArray(4).getArray()),
                            DealState.valueOf(rows.getString(5)), instant(rows.getTimestamp(6)),
                            instant(rows.getTimestamp(7))));
                }
            }
            array.free();
            if (domainArray != null) {
                domainArray.free();
            }
            return found;
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
