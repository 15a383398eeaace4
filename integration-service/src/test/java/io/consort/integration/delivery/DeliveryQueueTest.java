package io.consort.integration.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.consort.integration.Receiver;
import io.consort.integration.address.TargetAddresses;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The queue's guarantees that need the database's view: a name re-resolved to an internal address at delivery
 * time is refused (DNS rebinding), a delivery left in flight by a dead instance is sent again, and a row another
 * instance holds locked is skipped, not sent twice.
 */
@QuarkusTest
@TestSecurity(user = "crm-sync", roles = "integrator")
class DeliveryQueueTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TargetAddresses targets;

    @Inject
    AgroalDataSource dataSource;

    final Receiver receiver = Receiver.shared();

    @Test
    void aNameThatResolvesInsideAtDeliveryTimeIsNotCalled() throws Exception {
        String endpoint = receiver.endpoint("rebind");
        int port = java.net.URI.create(endpoint).getPort();
        String path = java.net.URI.create(endpoint).getPath();
        AtomicInteger lookups = new AtomicInteger();
        // A DNS server that answers loopback (allowed in tests) first, then a private address.
        targets.useResolver(host -> host.equals("hooks.rebind.test")
                ? List.of(InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.1" : "10.0.0.5"))
                : List.of(InetAddress.getAllByName(host)));
        try {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("url", "http://hooks.rebind.test:" + port + path, "eventTypes", List.of("*")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            String location = given().post("/api/v1/webhooks/{id}/test", id).then().statusCode(202).extract().header("Location");

            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<String, Object> delivery = given().get(java.net.URI.create(location).getPath()).then().statusCode(200)
                        .extract().path("$");
                String error = (String) delivery.get("lastError");
                assertNotNull(error);
                assertTrue(error.startsWith("not sent: the target host hooks.rebind.test resolves to 10.0.0.5 is a private address"),
                        error);
                assertEquals(null, delivery.get("lastStatusCode"));
            });
            assertEquals(0, receiver.calls(endpoint), "the receiver was never called");
        } finally {
            targets.useResolver(host -> List.of(InetAddress.getAllByName(host)));
        }
    }

    @Test
    void aDeliveryLeftInFlightByADeadInstanceIsSentAgainWhenItsLeaseRunsOut() throws Exception {
        String endpoint = receiver.endpoint("orphan");
        UUID subscription = subscribe(endpoint);
        UUID event = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            insertEvent(c, event);
            try (PreparedStatement orphan = c.prepareStatement("""
                    insert into delivery (id, subscription_id, event_id, event_type, order_key, status, attempts,
                                          lease_until, created_at, updated_at)
                    values (gen_random_uuid(), ?, ?, 'consort.deal.won.v1', 'k', 'IN_FLIGHT', 1,
                            now() - interval '1 second', now(), now())""")) {
                orphan.setObject(1, subscription);
                orphan.setObject(2, event);
                orphan.executeUpdate();
            }
        }
        await().atMost(PATIENCE).until(() -> receiver.calls(endpoint) == 1);
        assertEquals(event.toString(), receiver.received(endpoint).get(0).header("webhook-id"));
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(event)));
    }

    @Test
    void aDeliveryAnotherInstanceHoldsLockedIsSkippedNotSentTwice() throws Exception {
        String endpoint = receiver.endpoint("locked");
        UUID subscription = subscribe(endpoint);
        UUID event = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            // Due now, but behind an open circuit until the lock below is taken.
            execute(c, "update subscription set circuit_open_until = now() + interval '1 hour' where id = ?", subscription);
            insertEvent(c, event);
            try (PreparedStatement due = c.prepareStatement("""
                    insert into delivery (id, subscription_id, event_id, event_type, order_key, status, next_attempt_at,
                                          created_at, updated_at)
                    values (gen_random_uuid(), ?, ?, 'consort.deal.won.v1', 'k', 'PENDING', now(), now(), now())""")) {
                due.setObject(1, subscription);
                due.setObject(2, event);
                due.executeUpdate();
            }
        }
        try (Connection other = dataSource.getConnection()) {
            // "Another instance" holds the row lock its claim takes.
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from delivery where event_id = ? for update")) {
                lock.setObject(1, event);
                lock.executeQuery().close();
            }
            try (Connection c = dataSource.getConnection()) {
                execute(c, "update subscription set circuit_open_until = null where id = ?", subscription);
            }
            // The dispatcher polls every 100 ms: it sees the delivery due, skips the locked row, and does not wait.
            Thread.sleep(1500);
            assertEquals(0, receiver.calls(endpoint));
            assertEquals("PENDING", status(event));
            other.rollback();
        }
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(status(event)));
        assertEquals(1, receiver.calls(endpoint));
    }

    private static void execute(Connection c, String sql, UUID id) throws Exception {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    private UUID subscribe(String url) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("deal.won"), "partnerId", UUID.randomUUID().toString()))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
    }

    private static void insertEvent(Connection c, UUID event) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into webhook_event (id, type, order_key, occurred_at, received_at, cloud_event)
                values (?, 'consort.deal.won.v1', 'k', now(), now(), ?)""")) {
            insert.setObject(1, event);
            insert.setString(2, "{\"specversion\":\"1.0\",\"id\":\"" + event + "\",\"type\":\"consort.deal.won.v1\"}");
            insert.executeUpdate();
        }
    }

    private String status(UUID event) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select status from delivery where event_id = ?")) {
            select.setObject(1, event);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
