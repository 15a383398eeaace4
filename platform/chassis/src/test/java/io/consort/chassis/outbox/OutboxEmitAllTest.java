package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.events.CloudEvents;
import io.consort.chassis.testapp.Probe;
import io.consort.chassis.testapp.ProbeWriter;
import io.consort.chassis.testapp.TopicReader;
import io.consort.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@link Outbox#emitAll}: batch rows, published by the relay as one record per event. */
@QuarkusTest
class OutboxEmitAllTest {

    @Inject
    ProbeWriter writer;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aBatchArrivesAsOneRecordPerEventInEmissionOrderFromOneRowPerEvent() throws Exception {
        // More than one statement's worth, the last one short.
        int count = Outbox.ROWS_PER_STATEMENT + 500;
        List<UUID> aggregates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            aggregates.add(UUID.randomUUID());
        }
        writer.createAll(aggregates);
        // No partner: each record is keyed by its aggregate, so the batch spreads over the partitions.
        Map<UUID, UUID> noPartner = new HashMap<>();
        double publishedBefore = registry.counter("consort.outbox.published").count();
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            List<UUID> ids = writer.recordAll(aggregates, noPartner, "bulk");
            assertEquals(count, new HashSet<>(ids).size());

            Set<UUID> wanted = new HashSet<>(ids);
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> r.stream().filter(x -> wanted.contains(OutboxRelayTest.ceId(x))).count() >= count,
                    Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> ours = records.stream()
                    .filter(r -> wanted.contains(OutboxRelayTest.ceId(r))).toList();
            assertEquals(count, ours.size(), "every event once");
            Map<UUID, UUID> aggregateOf = new HashMap<>();
            for (int i = 0; i < count; i++) {
                aggregateOf.put(ids.get(i), aggregates.get(i));
            }
            for (ConsumerRecord<String, String> record : ours) {
                UUID id = OutboxRelayTest.ceId(record);
                UUID aggregate = aggregateOf.get(id);
                assertEquals(aggregate.toString(), record.key());
                Map<String, String> headers = OutboxRelayTest.headers(record);
                assertEquals(Set.of(CloudEvents.CE_SPECVERSION, CloudEvents.CE_ID, CloudEvents.CE_SOURCE,
                        CloudEvents.CE_TYPE, CloudEvents.CE_TIME, CloudEvents.CE_SUBJECT, CloudEvents.CONTENT_TYPE),
                        headers.keySet());
                assertEquals("1.0", headers.get(CloudEvents.CE_SPECVERSION));
                assertEquals("/consort/chassis-test", headers.get(CloudEvents.CE_SOURCE));
                assertEquals("consort.probe.recorded.v1", headers.get(CloudEvents.CE_TYPE));
                assertEquals(aggregate.toString(), headers.get(CloudEvents.CE_SUBJECT));
                assertEquals("application/json", headers.get(CloudEvents.CONTENT_TYPE));
                assertTrue(Duration.between(OffsetDateTime.parse(headers.get(CloudEvents.CE_TIME)), OffsetDateTime.now())
                        .abs().toMinutes() < 1);
                assertEquals(new Probe(aggregate, 1, "bulk"), mapper.readValue(record.value(), Probe.class));
            }
            // Within a partition the records keep the order of the emitAll call.
            Map<Integer, List<UUID>> byPartition = new HashMap<>();
            ours.forEach(r -> byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(OutboxRelayTest.ceId(r)));
            for (List<UUID> received : byPartition.values()) {
                Set<UUID> inPartition = new HashSet<>(received);
                assertEquals(ids.stream().filter(inPartition::contains).toList(), received);
            }
        }
        // One row per event, in the Debezium shape, in emission order, each marked sent once acknowledged.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sentRows(aggregates) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(count, sentRows(aggregates));
        assertEquals(aggregates.stream().map(UUID::toString).toList(), rowSubjectsInSeqOrder(aggregates));
        assertTrue(registry.counter("consort.outbox.published").count() >= publishedBefore + count);
    }

    @Test
    void emitAndEmitAllOfOneTransactionKeepTheirCallOrder() {
        UUID aggregate = UUID.randomUUID();
        List<UUID> others = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> all = new ArrayList<>(others);
        all.add(aggregate);
        writer.createAll(all);
        UUID partner = UUID.randomUUID();
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            List<UUID> ids = writer.recordAroundABatch(aggregate, others, partner);
            assertEquals(7, ids.size());
            // One partner, one partition: the records arrive in exactly the order they were emitted.
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> r.stream().filter(x -> ids.contains(OutboxRelayTest.ceId(x))).count() >= ids.size(),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> ours = records.stream()
                    .filter(r -> ids.contains(OutboxRelayTest.ceId(r))).toList();
            assertEquals(ids, ours.stream().map(OutboxRelayTest::ceId).toList());
            List<Integer> counters = new ArrayList<>();
            for (ConsumerRecord<String, String> record : ours) {
                Probe probe = read(record);
                assertEquals(partner.toString(), record.key());
                if (probe.aggregateId().equals(aggregate)) {
                    counters.add(probe.counter());
                }
            }
            assertEquals(List.of(1, 2, 3), counters);
        }
    }

    @Test
    void concurrentWritersMixingEmitAndEmitAllKeepEachAggregatesCommitOrder() throws Exception {
        int aggregates = 8;
        List<UUID> ids = new ArrayList<>();
        Map<UUID, UUID> partnerOf = new HashMap<>();
        UUID sharedPartner = UUID.randomUUID();
        for (int i = 0; i < aggregates; i++) {
            UUID aggregate = UUID.randomUUID();
            ids.add(aggregate);
            partnerOf.put(aggregate, i % 2 == 0 ? sharedPartner : UUID.randomUUID());
        }
        writer.createAll(ids);
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(pool.submit(() -> {
                    int emitted = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 60; i++) {
                        if (random.nextBoolean()) {
                            UUID aggregate = ids.get(random.nextInt(aggregates));
                            writer.record(aggregate, partnerOf.get(aggregate), "single");
                            emitted++;
                        } else {
                            // Up to five events, an aggregate possibly twice.
                            List<UUID> batch = new ArrayList<>();
                            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                                batch.add(ids.get(random.nextInt(aggregates)));
                            }
                            emitted += writer.recordAll(batch, partnerOf, "batched").size();
                        }
                    }
                    return emitted;
                }));
            }
            int events = 0;
            for (Future<Integer> f : done) {
                events += f.get();
            }
            pool.shutdown();

            int expected = events;
            Set<UUID> mine = new HashSet<>(ids);
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> r.stream().filter(x -> isProbe(x) && mine.contains(read(x).aggregateId())).count() >= expected,
                    Duration.ofSeconds(60));
            Map<UUID, Integer> last = new HashMap<>();
            int seen = 0;
            for (ConsumerRecord<String, String> record : records) {
                if (!isProbe(record) || !mine.contains(read(record).aggregateId())) {
                    continue;
                }
                Probe probe = read(record);
                seen++;
                int previous = last.getOrDefault(probe.aggregateId(), 0);
                assertEquals(previous + 1, probe.counter(), "event after counter " + previous + " of "
                        + probe.aggregateId());
                last.put(probe.aggregateId(), probe.counter());
            }
            assertEquals(expected, seen);
        }
    }

    @Test
    void aRolledBackBatchPublishesNothing() {
        List<UUID> aggregates = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        writer.createAll(aggregates);
        UUID partner = UUID.randomUUID();
        Map<UUID, UUID> partnerOf = new HashMap<>();
        aggregates.forEach(a -> partnerOf.put(a, partner));
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            List<UUID> doomed = new ArrayList<>();
            assertThrows(IllegalStateException.class, () -> writer.recordAllThenFail(aggregates, partnerOf, doomed));
            assertEquals(3, doomed.size());
            // Same partner, so the same partition: once the marker is there, the doomed ones would be too.
            UUID marker = writer.record(aggregates.get(0), partner, "after the rollback");
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> OutboxRelayTest.find(marker, r) != null, Duration.ofSeconds(20));
            for (UUID id : doomed) {
                assertNull(OutboxRelayTest.find(id, records), "a rolled-back event was published");
            }
            assertEquals(1, read(OutboxRelayTest.find(marker, records)).counter());
        }
    }

    @Test
    void emittingABatchOutsideATransactionIsRefused() {
        UUID aggregate = UUID.randomUUID();
        assertThrows(TransactionalException.class, () -> outbox.emitAll(Probe.RECORDED,
                List.of(new Outbox.Emission<>(aggregate, null, new Probe(aggregate, 0, "no transaction")))));
    }

    /** Sent rows about {@code aggregates} whose columns say what their headers column says. */
    private long sentRows(List<UUID> aggregates) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from outbox where aggregateid = any(cast(:aggregates as text[])) and sent_at is not null
                and id::text = headers ->> 'ce_id' and aggregateid = headers ->> 'ce_subject' and type = headers ->> 'ce_type'
                and topic = headers ->> 'topic' and key = headers ->> 'key' and ce_source = headers ->> 'ce_source'
                and ce_time = headers ->> 'ce_time' and ce_specversion = headers ->> 'ce_specversion'
                and headers -> 'batch' is null""")
                .setParameter("aggregates", aggregates.stream().map(UUID::toString).toArray(String[]::new))
                .getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> rowSubjectsInSeqOrder(List<UUID> aggregates) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select aggregateid from outbox where aggregateid = any(cast(:aggregates as text[])) order by seq""")
                .setParameter("aggregates", aggregates.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList());
    }

    private static boolean isProbe(ConsumerRecord<String, String> record) {
        return Probe.RECORDED.ceType().equals(OutboxRelayTest.headers(record).get(CloudEvents.CE_TYPE));
    }

    private Probe read(ConsumerRecord<String, String> record) {
        try {
            return mapper.readValue(record.value(), Probe.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
