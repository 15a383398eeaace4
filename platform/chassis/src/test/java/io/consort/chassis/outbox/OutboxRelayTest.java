package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.events.CloudEvents;
import io.consort.chassis.testapp.Probe;
import io.consort.chassis.testapp.ProbeWriter;
import io.consort.chassis.testapp.TopicReader;
import io.consort.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    ProbeWriter writer;
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void committedEventReachesKafkaAsACloudEventKeyedByItsPartner() throws Exception {
        UUID aggregate = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        writer.create(aggregate);
        double publishedBefore = registry.counter("consort.outbox.published").count();
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            UUID id = writer.record(aggregate, partner, "hello");

            ConsumerRecord<String, String> record = only(id, reader.readUntil(r -> find(id, r) != null,
                    Duration.ofSeconds(20)));
            assertEquals(partner.toString(), record.key());
            Map<String, String> headers = headers(record);
            assertEquals("1.0", headers.get(CloudEvents.CE_SPECVERSION));
            assertEquals(id.toString(), headers.get(CloudEvents.CE_ID));
            assertEquals("/consort/chassis-test", headers.get(CloudEvents.CE_SOURCE));
            assertEquals("consort.probe.recorded.v1", headers.get(CloudEvents.CE_TYPE));
            assertEquals(aggregate.toString(), headers.get(CloudEvents.CE_SUBJECT));
            assertEquals("application/json", headers.get(CloudEvents.CONTENT_TYPE));
            assertFalse(headers.containsKey(OutboxMessage.KEY) || headers.containsKey(OutboxMessage.TOPIC),
                    "routing fields are not headers: " + headers);
            Duration age = Duration.between(OffsetDateTime.parse(headers.get(CloudEvents.CE_TIME)), OffsetDateTime.now());
            assertTrue(age.abs().toMinutes() < 1, "ce_time " + headers.get(CloudEvents.CE_TIME));
            assertEquals(new Probe(aggregate, 1, "hello"), mapper.readValue(record.value(), Probe.class));
        }
        // A consumer can read the record before the relay has Kafka's acknowledgement, which is when
        // it counts the event and marks its row: wait for that, not for the first read.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (registry.counter("consort.outbox.published").count() <= publishedBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(registry.counter("consort.outbox.published").count() > publishedBefore,
                "consort.outbox.published did not count the acknowledged event");
        awaitSent(1);
    }

    @Test
    void eventAboutNoPartnerIsKeyedByItsAggregate() {
        UUID aggregate = UUID.randomUUID();
        writer.create(aggregate);
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            UUID id = writer.record(aggregate, null, "no partner");
            ConsumerRecord<String, String> record = only(id, reader.readUntil(r -> find(id, r) != null,
                    Duration.ofSeconds(20)));
            assertEquals(aggregate.toString(), record.key());
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        UUID aggregate = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        writer.create(aggregate);
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            UUID[] doomed = new UUID[1];
            assertThrows(IllegalStateException.class, () -> writer.recordThenFail(aggregate, partner, doomed));
            assertNotNull(doomed[0]);
            // Same partner, so the same partition: once this one is there, the doomed one would be too.
            UUID marker = writer.record(aggregate, partner, "after the rollback");
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> find(marker, r) != null,
                    Duration.ofSeconds(20));
            assertNotNull(find(marker, records));
            assertNull(find(doomed[0], records), "the rolled-back event was published");
            assertEquals(1, mapper.convertValue(readJson(find(marker, records)), Probe.class).counter(),
                    "the rolled-back increment is gone too");
            assertEquals(0, countRows("select count(*) from outbox where id = '" + doomed[0] + "'"));
        }
    }

    @Test
    void emittingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> outbox.emit(Probe.RECORDED, UUID.randomUUID(), null,
                new Probe(UUID.randomUUID(), 0, "no transaction")));
    }

    @Test
    void eachAggregatesThousandEventsArriveInTheOrderTheyWereCommitted() throws Exception {
        int aggregates = 8;
        int events = 1_000;
        List<UUID> ids = new ArrayList<>();
        Map<UUID, UUID> partnerOf = new HashMap<>();
        UUID sharedPartner = UUID.randomUUID();
        for (int i = 0; i < aggregates; i++) {
            UUID aggregate = UUID.randomUUID();
            writer.create(aggregate);
            ids.add(aggregate);
            // Half the aggregates share one partner (one partition), the others have their own.
            partnerOf.put(aggregate, i % 2 == 0 ? sharedPartner : UUID.randomUUID());
        }
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            // Four concurrent writers pick aggregates at random, so writers of one aggregate contend.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < events / 4; i++) {
                        UUID aggregate = ids.get(ThreadLocalRandom.current().nextInt(aggregates));
                        writer.record(aggregate, partnerOf.get(aggregate), "order");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> ofAggregates(r, ids).size() >= events, Duration.ofSeconds(60));
            List<Probe> probes = ofAggregates(records, ids);
            assertEquals(events, probes.size());
            Map<UUID, Integer> last = new HashMap<>();
            for (Probe probe : probes) {
                int previous = last.getOrDefault(probe.aggregateId(), 0);
                assertEquals(previous + 1, probe.counter(), "event after counter " + previous + " of "
                        + probe.aggregateId());
                last.put(probe.aggregateId(), probe.counter());
            }
        }
    }

    @Test
    void relayPicksUpUnsentRowsAfterARestart() {
        UUID aggregate = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        writer.create(aggregate);
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            relay.stop();
            List<UUID> written = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    written.add(writer.record(aggregate, partner, "while stopped"));
                }
                assertTrue(reader.readFor(Duration.ofMillis(1500)).stream().noneMatch(r -> written.contains(ceId(r))),
                        "published while the relay was stopped");
                assertTrue(countRows("select count(*) from outbox where sent_at is null") >= 20);
            } finally {
                relay.start();
            }
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> r.stream().map(OutboxRelayTest::ceId).filter(written::contains).count() == 20,
                    Duration.ofSeconds(20));
            assertEquals(written, records.stream().map(OutboxRelayTest::ceId).filter(written::contains).toList());
        }
    }

    private List<Probe> ofAggregates(List<ConsumerRecord<String, String>> records, List<UUID> aggregates) {
        List<Probe> probes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (!"consort.probe.recorded.v1".equals(headers(record).get(CloudEvents.CE_TYPE))) {
                continue;
            }
            Probe probe = mapper.convertValue(readJson(record), Probe.class);
            if (aggregates.contains(probe.aggregateId())) {
                probes.add(probe);
            }
        }
        return probes;
    }

    private void awaitSent(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (countRows("select count(*) from outbox where sent_at is not null") < atLeast
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(countRows("select count(*) from outbox where sent_at is not null") >= atLeast);
    }

    long countRows(String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private com.fasterxml.jackson.databind.JsonNode readJson(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static UUID ceId(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(CloudEvents.CE_ID);
        return header == null ? null : UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
    }

    static ConsumerRecord<String, String> find(UUID id, List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> id.equals(ceId(r))).findFirst().orElse(null);
    }

    static ConsumerRecord<String, String> only(UUID id, List<ConsumerRecord<String, String>> records) {
        assertEquals(1, records.stream().filter(r -> id.equals(ceId(r))).count(), "records with ce_id " + id);
        return find(id, records);
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
