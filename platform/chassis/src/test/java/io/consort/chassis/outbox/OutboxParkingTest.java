package io.consort.chassis.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.testapp.ProbeWriter;
import io.consort.chassis.testapp.TopicReader;
import io.consort.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A row the relay can never publish is set aside (parked) with its reason, and the events written after
 * it are published: one bad event does not stop a service's event stream.
 */
@QuarkusTest
class OutboxParkingTest {

    @Inject
    ProbeWriter writer;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anEventKafkaRefusesForGoodIsParkedAndTheEventsAfterItArePublished() throws Exception {
        UUID aggregate = UUID.randomUUID();
        writer.create(aggregate);
        double parkedBefore = parkedCount();
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            // Twice the producer's max.request.size (1 MB): Kafka will never take it.
            UUID tooLarge = writer.record(aggregate, null, "x".repeat(2 * 1024 * 1024));
            UUID after = writer.record(aggregate, null, "after the refused one");

            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> r.stream().anyMatch(x -> after.equals(OutboxRelayTest.ceId(x))), Duration.ofSeconds(30));
            assertTrue(records.stream().anyMatch(x -> after.equals(OutboxRelayTest.ceId(x))), "the next event");
            assertTrue(records.stream().noneMatch(x -> tooLarge.equals(OutboxRelayTest.ceId(x))));
            Object[] row = row(tooLarge);
            assertNull(row[0], "never marked sent");
            assertNotNull(row[1], "parked");
            assertTrue(((String) row[2]).startsWith("RecordTooLargeException"), (String) row[2]);
            assertEquals(parkedBefore + 1, parkedCount());
            assertTrue(parkedRowsGauge() >= 1, "the gauge counts it");
        }
    }

    @Test
    void aRowThatCannotBeReadIsParkedAndTheEventsAfterItArePublished() throws Exception {
        UUID aggregate = UUID.randomUUID();
        writer.create(aggregate);
        UUID unreadable = UUID.randomUUID();
        double parkedBefore = parkedCount();
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            // A batch row whose payload is not the array of events its headers promise.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into outbox (id, aggregatetype, aggregateid, type, payload, headers)
                    values (?1, 'probe', '*', 'consort.probe.recorded.v1', '{"not": "an array"}',
                            '{"topic": "prm.partners", "batch": {"events": 2}}'::jsonb)""")
                    .setParameter(1, unreadable).executeUpdate());
            UUID after = writer.record(aggregate, null, "after the unreadable row");

            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> r.stream().anyMatch(x -> after.equals(OutboxRelayTest.ceId(x))), Duration.ofSeconds(30));
            assertTrue(records.stream().anyMatch(x -> after.equals(OutboxRelayTest.ceId(x))), "the next event");
            Object[] row = row(unreadable);
            assertNull(row[0], "never marked sent");
            assertNotNull(row[1], "parked");
            assertTrue(((String) row[2]).startsWith("unreadable: "), (String) row[2]);
            assertEquals(parkedBefore + 1, parkedCount());
            assertTrue(parkedRowsGauge() >= 1, "the gauge counts it");
        }
    }

    @Test
    void parkedRowsShowInTheWellnessCheckUntilSomeoneDealsWithThem() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, headers, parked_at, park_reason)
                values (?1, 'probe', '*', 'consort.probe.recorded.v1', '{}', '{"topic": "prm.partners"}'::jsonb,
                        clock_timestamp(), 'set aside by the test')""").setParameter(1, UUID.randomUUID()).executeUpdate());
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'Outbox' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Outbox' }.data.parkedRows", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'Outbox' }.data.oldestParkedAt", notNullValue());

        // Dealt with (here: deleted); the check reads the database, so it says so at once.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbox where parked_at is not null")
                .executeUpdate());
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox' }.data.parkedRows", equalTo(0))
                .body("checks.find { it.name == 'Outbox' }.data.oldestUnsentAgeSeconds", greaterThanOrEqualTo(0));
        // Wellness is nobody's probe: a parked row never takes the instance out of rotation.
        given().get("/q/health/ready").then().body("checks.name", not(hasItem("Outbox")));
    }

    private double parkedRowsGauge() {
        return registry.get("consort.outbox.parked.rows").gauge().value();
    }

    private double parkedCount() {
        return registry.counter("consort.outbox.parked").count();
    }

    private Object[] row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select sent_at, parked_at, park_reason from outbox where id = ?1").setParameter(1, id)
                .getSingleResult());
    }
}
