package io.consort.recruitment.user;

import static org.junit.jupiter.api.Assertions.fail;

import io.consort.recruitment.partner.PartnerFixtures;
import io.consort.recruitment.support.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Partners with fixed ids (token claims are compile-time constants) and their people, created once per
 * test run through the domain code, and a look at partner_users that no caller's partner scope narrows.
 */
@ApplicationScoped
public class PartnerUsersFixture {

    static final String ACME = "0d0d0d0d-0000-4000-8000-000000000011";
    static final String GLOBEX = "0d0d0d0d-0000-4000-8000-000000000012";
    static final String LONE = "0d0d0d0d-0000-4000-8000-000000000013";

    static final String ACME_ADMIN = "ada@acme-users.example";
    static final String ACME_SECOND_ADMIN = "alf@acme-users.example";
    static final String ACME_USER = "uma@acme-users.example";
    static final String GLOBEX_ADMIN = "gus@globex-users.example";
    static final String LONE_ADMIN = "lou@lone-users.example";

    /** A partner user as the table holds it. */
    record Row(UUID id, String state, String keycloakUserId, int attempts, String lastError) {
    }

    @Inject
    PartnerFixtures partners;

    @Inject
    EntityManager em;

    /** The three partners and their people, all with working logins. */
    void seed() {
        partners.onboard(UUID.fromString(ACME), "Acme Users", "EMEA");
        partners.onboard(UUID.fromString(GLOBEX), "Globex Users", "EMEA");
        partners.onboard(UUID.fromString(LONE), "Lone Users", "EMEA");
        if (row(ACME_USER).isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> {
                invite(ACME, new PartnerUser.Person(ACME_ADMIN, "Admin", "Acme Users"), PartnerUserRole.PARTNER_ADMIN);
                invite(ACME, new PartnerUser.Person(ACME_SECOND_ADMIN, "Admin", "Acme Users"),
                        PartnerUserRole.PARTNER_ADMIN);
                invite(ACME, new PartnerUser.Person(ACME_USER, "Uma", "User"), PartnerUserRole.PARTNER_USER);
                invite(GLOBEX, new PartnerUser.Person(GLOBEX_ADMIN, "Admin", "Globex Users"),
                        PartnerUserRole.PARTNER_ADMIN);
                invite(LONE, new PartnerUser.Person(LONE_ADMIN, "Admin", "Lone Users"), PartnerUserRole.PARTNER_ADMIN);
            });
        }
        for (String email : List.of(ACME_ADMIN, ACME_SECOND_ADMIN, ACME_USER, GLOBEX_ADMIN, LONE_ADMIN)) {
            await(email, row -> !row.state().equals("PROVISIONING"), Duration.ofSeconds(20));
        }
    }

    private void invite(String partnerId, PartnerUser.Person person, PartnerUserRole role) {
        em.persist(PartnerUser.invite(UUID.randomUUID(), UUID.fromString(partnerId), person, role, "test",
                Timestamps.now()));
    }

    Optional<Row> row(String email) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select id, state, keycloak_user_id, attempts, last_error from partner_users
                        where email = ?1 order by created_at desc limit 1""")
                .setParameter(1, email)
                .getResultStream().findFirst()
                .map(r -> {
                    Object[] c = (Object[]) r;
                    return new Row((UUID) c[0], (String) c[1], (String) c[2], ((Number) c[3]).intValue(),
                            (String) c[4]);
                }));
    }

    /** Polls the user's row until it satisfies {@code condition}; fails with the last row seen after {@code timeout}. */
    Row await(String email, Predicate<Row> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Row> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = row(email);
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("partner user " + email + " did not get there within " + timeout + "; last seen: "
                + last.map(Row::toString).orElse("no row"));
    }
}
