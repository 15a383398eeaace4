package io.consort.campaign.deal;

import static io.consort.campaign.deal.DealFixtures.approved;
import static io.consort.campaign.deal.DealFixtures.freshDomain;
import static io.consort.campaign.deal.DealFixtures.manager;
import static io.consort.campaign.deal.DealFixtures.registerId;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The one-approved-per-customer-and-product invariant under concurrency, and the expiry sweep. */
@QuarkusTest
class DealConcurrencyTest {

    static final String PATH = "/api/v1/deal-registrations";

    @Inject
    AgroalDataSource db;

    @Inject
    DealRegistrationService service;

    @Test
    void twoManagersApprovingRivalRegistrationsAtOnceExactlyOneWinsTheOtherGetsA409SayingWhy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String domain = freshDomain();
                String a = registerId(UUID.randomUUID(), domain, "ANALYTICS-PRO");
                String b = registerId(UUID.randomUUID(), domain, "ANALYTICS-PRO", "CLOUD-BACKUP");
                String etagA = given().auth().oauth2(manager()).get(PATH + "/" + a).header("ETag");
                String etagB = given().auth().oauth2(manager()).get(PATH + "/" + b).header("ETag");
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Response> first = pool.submit(approve(start, a, etagA));
                Future<Response> second = pool.submit(approve(start, b, etagB));
                List<Response> answers = List.of(first.get(), second.get());
                long won = answers.stream().filter(r -> r.statusCode() == 200).count();
                List<Response> refused = answers.stream().filter(r -> r.statusCode() == 409).toList();
                assertEquals(1, won, "round " + round + ": " + answers.stream().map(Response::asString).toList());
                assertEquals(1, refused.size());
                assertTrue(refused.get(0).contentType().startsWith("application/problem+json"));
                String detail = refused.get(0).path("detail");
                assertTrue(detail.contains("at most one registration per customer and product")
                        && detail.contains(domain), detail);
                assertEquals(1, approvedCount(domain, "ANALYTICS-PRO"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Response> approve(CyclicBarrier start, String id, String etag) {
        return () -> {
            start.await();
            return given().auth().oauth2(manager()).header("If-Match", etag).post(PATH + "/" + id + "/approve");
        };
    }

    @Test
    void theDatabaseItselfRefusesASecondApprovalOfACustomerAndProduct() throws Exception {
        String domain = freshDomain();
        String a = registerId(UUID.randomUUID(), domain, "P1");
        String b = registerId(UUID.randomUUID(), domain, "P1", "P2");
        approved(a);
        try (Connection c = db.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE deal_registrations SET state = 'APPROVED', "
                        + "protected_until = now() + interval '1 day' WHERE id = ?::uuid")) {
            update.setString(1, b);
            SQLException e = assertThrows(SQLException.class, update::executeUpdate);
            assertEquals("23505", e.getSQLState());
            assertTrue(e.getMessage().contains(DealRegistrationService.ONE_APPROVED_INDEX), e.getMessage());
        }
    }

    @Test
    void aLapsedApprovalNoLongerBlocksARivalItIsExpiredFirst() throws Exception {
        String domain = freshDomain();
        UUID holder = UUID.randomUUID();
        String a = registerId(holder, domain, "P1");
        String b = registerId(UUID.randomUUID(), domain, "P1");
        approved(a);
        endProtection(a);
        approved(b);
        given().auth().oauth2(manager()).get(PATH + "/" + a).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("EXPIRED"));
        EventSchemas.assertValid(EventTypes.DEAL_EXPIRED.ceType(), KafkaRecords.await(Topics.CAMPAIGNS,
                KafkaRecords.withCeType(EventTypes.DEAL_EXPIRED.ceType()).and(KafkaRecords.withCeSubject(a)),
                Duration.ofSeconds(30)).value());
    }

    @Test
    void sweepsRunningAtOnceExpireEachEndedProtectionExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = registerId(UUID.randomUUID(), freshDomain(), "P1");
            approved(id);
            endProtection(id);
            ids.add(id);
        }
        String running = registerId(UUID.randomUUID(), freshDomain(), "P1");
        approved(running);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CyclicBarrier start = new CyclicBarrier(3);
            Instant now = DealRegistrationService.now();
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sweeps.add(pool.submit(() -> {
                    start.await();
                    int total = 0;
                    int n;
                    do {
                        n = service.expireDue(now, 2);
                        total += n;
                    } while (n > 0);
                    return total;
                }));
            }
            for (Future<Integer> sweep : sweeps) {
                sweep.get(); // how many each took varies, and the scheduled sweep may take some too
            }
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            // The scheduled sweep may hold some of them (our sweeps skip those) and commit a moment later.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                    .oauth2(manager()).get(PATH + "/" + id).then().body("state", org.hamcrest.Matchers.equalTo("EXPIRED")));
            KafkaRecords.await(Topics.CAMPAIGNS, KafkaRecords.withCeType(EventTypes.DEAL_EXPIRED.ceType())
                    .and(KafkaRecords.withCeSubject(id)), Duration.ofSeconds(30));
            assertEquals(1, KafkaRecords.current(Topics.CAMPAIGNS, KafkaRecords.withCeType(EventTypes.DEAL_EXPIRED.ceType())
                    .and(KafkaRecords.withCeSubject(id))).size(), "one deal.expired for " + id);
        }
        given().auth().oauth2(manager()).get(PATH + "/" + running).then().body("state", org.hamcrest.Matchers.equalTo("APPROVED"));
    }

    private void endProtection(String id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE deal_registrations SET protected_until = now() - interval '1 second' WHERE id = ?::uuid")) {
            update.setString(1, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    private int approvedCount(String domain, String product) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM deal_registration_products "
                        + "WHERE customer_domain = ? AND product = ? AND approved")) {
            q.setString(1, domain);
            q.setString(2, product);
            var rows = q.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }
}
