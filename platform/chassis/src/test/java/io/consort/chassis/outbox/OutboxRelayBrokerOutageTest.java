package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.testapp.BrokerOutageProfile;
import io.consort.chassis.testapp.Probe;
import io.consort.chassis.testapp.ProbeWriter;
import io.consort.chassis.testapp.RestartableBroker;
import io.consort.chassis.testapp.TopicReader;
import io.consort.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes to a broker of its own here, which the test takes away for several times
 * the producer's delivery timeout and then brings back: single events and batch rows written
 * meanwhile all arrive afterwards, each aggregate's in order.
 */
@QuarkusTest
@TestProfile(BrokerOutageProfile.class)
class OutboxRelayBrokerOutageTest {

    /** Events of the bulk write during the outage (Outbox.emitAll). */
    private static final int BATCHED = 2_500;

    private static RestartableBroker broker;

    @Inject
    ProbeWriter writer;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new RestartableBroker(Integer.getInteger(BrokerOutageProfile.PORT),
                Integer.getInteger(BrokerOutageProfile.CONTROLLER_PORT));
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.PARTNERS, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void eventsWrittenWhileTheBrokerIsDownArriveAfterwardsNoneLostNoneReordered() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        writer.create(first);
        writer.create(second);
        List<UUID> aggregates = List.of(first, second);

        for (int i = 0; i < 50; i++) {
            writer.record(aggregates.get(i % 2), i % 2 == 0 ? partner : null, "before");
        }
        try (TopicReader reader = TopicReader.fromBeginning(broker.bootstrapServers(), Topics.PARTNERS)) {
            reader.readUntil(r -> distinct(r).size() >= 50, Duration.ofSeconds(30));
        }
        awaitUnsent(0, Duration.ofSeconds(10));

        broker.stop();
        double failuresBefore = registry.counter("consort.outbox.failures").count();
        for (int i = 50; i < 125; i++) {
            writer.record(aggregates.get(i % 2), i % 2 == 0 ? partner : null, "during");
        }
        // Between the single events, a bulk write of both aggregates: BATCHED events, one row each, which
        // must wait, and then keep their place, too.
        List<UUID> bulk = new ArrayList<>();
        for (int i = 0; i < BATCHED; i++) {
            bulk.add(aggregates.get(i % 2));
        }
        writer.recordAll(bulk, Map.of(first, partner), "during, in bulk");
        for (int i = 125; i < 200; i++) {
            writer.record(aggregates.get(i % 2), i % 2 == 0 ? partner : null, "during");
        }
        // Longer than the delivery timeout (3 s): sends fail, and the relay must retry, not drop.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (registry.counter("consort.outbox.failures").count() <= failuresBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(registry.counter("consort.outbox.failures").count() > failuresBefore,
                "the relay noticed the outage");
        assertEquals(150 + BATCHED, unsent(), "nothing written during the outage is marked sent");

        broker.start();
        awaitUnsent(0, Duration.ofSeconds(60));
        try (TopicReader reader = TopicReader.fromBeginning(broker.bootstrapServers(), Topics.PARTNERS)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> distinct(r).size() >= 200 + BATCHED, Duration.ofSeconds(30));
            assertEquals(200 + BATCHED, distinct(records).size(), "every event, single or batched, arrived");
            Map<UUID, List<Integer>> counters = new HashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                Probe probe = mapper.readValue(record.value(), Probe.class);
                counters.computeIfAbsent(probe.aggregateId(), a -> new ArrayList<>()).add(probe.counter());
            }
            for (UUID aggregate : aggregates) {
                List<Integer> seen = counters.get(aggregate);
                // Duplicates are allowed (an acknowledgement lost in the outage); a consumer applies the
                // first copy only, so what must hold is: no event ever arrives before its predecessor.
                int highest = 0;
                for (int counter : seen) {
                    assertTrue(counter <= highest + 1, "counter " + counter + " of " + aggregate
                            + " arrived before " + (highest + 1) + ": " + seen);
                    highest = Math.max(highest, counter);
                }
                assertEquals(100 + BATCHED / 2, highest, "every event of " + aggregate + " arrived");
            }
        }
    }

    private Set<UUID> distinct(List<ConsumerRecord<String, String>> records) {
        Set<UUID> ids = new HashSet<>();
        records.forEach(r -> ids.add(OutboxRelayTest.ceId(r)));
        return ids;
    }

    private long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox where sent_at is null").getSingleResult()).longValue());
    }

    private void awaitUnsent(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unsent() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(expected, unsent(), "unsent outbox rows");
    }
}
