package io.consort.chassis.bench;

import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.outbox.Outbox;
import io.consort.chassis.outbox.OutboxMessage;
import io.consort.chassis.outbox.OutboxRelay;
import io.consort.chassis.testapp.Probe;
import io.consort.chassis.testapp.ProbeAggregate;
import io.consort.chassis.testapp.TopicReader;
import io.consort.contracts.EventType;
import io.consort.testkit.EmbeddedKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The outbox figures of the Foundation issue, against the real PostgreSQL and the testkit broker:
 * commit-to-Kafka latency on an idle stack and relay throughput, each beside a raw KafkaProducer
 * baseline measured in the same run. Excluded from the normal build (tag {@code bench});
 * {@code bench/outbox/run.sh} runs it.
 */
@QuarkusTest
@Tag("bench")
class OutboxRelayBenchmark {

    static final String TOPIC = "consort.chassis.bench";
    static final EventType<Probe> BENCH_EVENT = new EventType<>(TOPIC, "probe", "consort.probe.benchmarked.v1",
            Probe.class);

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void outboxLatencyAndThroughput() throws Exception {
        EmbeddedKafka.shared().createTopics(List.of(TOPIC), 3);
        int latencyEvents = Integer.getInteger("bench.latency.events", 1_000);
        int throughputEvents = Integer.getInteger("bench.throughput.events", 50_000);

        // Warm-up: JIT, connections, producer metadata.
        latency(200, false);
        rawLatency(200);
        long[][] relay = latency(latencyEvents, true);
        long[] relayLatency = relay[0];
        long[] rawLatency = rawLatency(latencyEvents);
        double relayRate = relayThroughput(throughputEvents);
        double rawRate = rawThroughput(throughputEvents);

        StringBuilder out = new StringBuilder("\n=== Outbox benchmark (real PostgreSQL, in-JVM KRaft broker, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores) ===\n");
        out.append(String.format("load average at the end: %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append(String.format(
                "commit called -> consumer, outbox relay, N=%d: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencyEvents, pct(relayLatency, 50), pct(relayLatency, 90), pct(relayLatency, 99),
                pct(relayLatency, 100)));
        out.append(String.format(
                "commit returned -> consumer, outbox relay: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(relay[1], 50), pct(relay[1], 90), pct(relay[1], 99), pct(relay[1], 100)));
        out.append(String.format("the commit itself (JDBC commit, WAL flush): p50 %.1f ms, p99 %.1f ms%n",
                pct(relay[2], 50), pct(relay[2], 99)));
        out.append(String.format(
                "send   -> consumer, raw producer, N=%d: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                latencyEvents, pct(rawLatency, 50), pct(rawLatency, 90), pct(rawLatency, 99), pct(rawLatency, 100)));
        out.append(String.format("write, Outbox.emitAll of %d events (one transaction, committed): %.0f ms%n", throughputEvents, emitAllMillis));
        out.append(String.format("throughput, outbox relay, %d rows: %.0f events/s%n", throughputEvents, relayRate));
        out.append(String.format("throughput, raw producer, %d records: %.0f events/s%n", throughputEvents, rawRate));
        System.out.println(out);
    }

    /** One event per transaction, a pause between them so each finds the relay idle. */
    private long[][] latency(int events, boolean measure) throws Exception {
        UUID aggregate = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ProbeAggregate a = new ProbeAggregate();
            a.id = aggregate;
            em.persist(a);
        });
        Map<UUID, Long> committing = new ConcurrentHashMap<>();
        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        Map<UUID, Long> received = new ConcurrentHashMap<>();
        try (Listener listener = new Listener(bootstrap, received)) {
            for (int i = 0; i < events; i++) {
                UUID partner = UUID.randomUUID();
                int counter = i + 1;
                QuarkusTransaction.begin();
                UUID id;
                try {
                    id = outbox.emit(BENCH_EVENT, aggregate, partner, new Probe(aggregate, counter, "latency"));
                } catch (RuntimeException e) {
                    QuarkusTransaction.rollback();
                    throw e;
                }
                // Timed from before the commit (its WAL flush included) and from its return.
                committing.put(id, System.nanoTime());
                QuarkusTransaction.commit();
                committed.put(id, System.nanoTime());
                Thread.sleep(5);
            }
            listener.await(committing.keySet(), Duration.ofSeconds(60));
        }
        if (!measure) {
            return new long[0][];
        }
        return new long[][] {
            committing.entrySet().stream().mapToLong(e -> received.get(e.getKey()) - e.getValue()).sorted().toArray(),
            committed.entrySet().stream().mapToLong(e -> received.get(e.getKey()) - e.getValue()).sorted().toArray(),
            committing.entrySet().stream().mapToLong(e -> committed.get(e.getKey()) - e.getValue()).sorted().toArray()};
    }

    private long[] rawLatency(int events) throws Exception {
        Map<UUID, Long> sent = new ConcurrentHashMap<>();
        Map<UUID, Long> received = new ConcurrentHashMap<>();
        try (Listener listener = new Listener(bootstrap, received);
                KafkaProducer<String, String> producer = rawProducer()) {
            for (int i = 0; i < events; i++) {
                UUID id = UUID.randomUUID();
                sent.put(id, System.nanoTime());
                producer.send(record(id, UUID.randomUUID(), i)).get();
                Thread.sleep(5);
            }
            listener.await(sent.keySet(), Duration.ofSeconds(60));
        }
        return sent.entrySet().stream().mapToLong(e -> received.get(e.getKey()) - e.getValue()).sorted().toArray();
    }

    /** Rows inserted while the relay is stopped, then timed from its start until all are acknowledged. */
    private double emitAllMillis;

    private double relayThroughput(int events) throws Exception {
        relay.stop();
        try {
            // As a bulk operation writes them: Outbox.emitAll, one row per event (1,000 aggregates, 1,000 partners).
            List<Outbox.Emission<Probe>> emissions = new ArrayList<>(events);
            for (int n = 1; n <= events; n++) {
                UUID aggregate = new UUID(0L, n % 1000);
                emissions.add(new Outbox.Emission<>(aggregate, new UUID(1L << 60, n % 1000), new Probe(aggregate, n, "throughput")));
            }
            long writeStarted = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> outbox.emitAll(BENCH_EVENT, emissions));
            emitAllMillis = (System.nanoTime() - writeStarted) / 1e6;
        } catch (RuntimeException e) {
            relay.start();
            throw e;
        }
        long started = System.nanoTime();
        relay.start();
        while (unsent() > 0) {
            Thread.sleep(20);
            if (System.nanoTime() - started > Duration.ofMinutes(3).toNanos()) {
                throw new AssertionError("relay did not drain " + events + " rows in 3 minutes");
            }
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }

    private double rawThroughput(int events) throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>(events);
        for (int n = 1; n <= events; n++) {
            records.add(record(UUID.randomUUID(), new UUID(0x1000000000000000L, n % 1000), n));
        }
        try (KafkaProducer<String, String> producer = rawProducer()) {
            producer.send(records.get(0)).get();
            long started = System.nanoTime();
            // Same pipelining discipline as the relay: batches of 500 sent, then all acknowledgements awaited.
            List<Future<RecordMetadata>> pending = new ArrayList<>(500);
            for (ProducerRecord<String, String> r : records) {
                pending.add(producer.send(r));
                if (pending.size() == 500) {
                    for (Future<RecordMetadata> f : pending) {
                        f.get();
                    }
                    pending.clear();
                }
            }
            for (Future<RecordMetadata> f : pending) {
                f.get();
            }
            return events / ((System.nanoTime() - started) / 1e9);
        }
    }

    private ProducerRecord<String, String> record(UUID id, UUID partner, int n) throws Exception {
        UUID aggregate = new UUID(0, n % 1000);
        CloudEventEnvelope envelope = CloudEventEnvelope.produce(id, "chassis-test", BENCH_EVENT.ceType(),
                aggregate.toString());
        String headers = mapper.writeValueAsString(OutboxMessage.headersColumn(envelope, TOPIC, partner.toString()));
        return OutboxMessage.toRecord(mapper, headers, mapper.writeValueAsString(new Probe(aggregate, n, "raw")));
    }

    private KafkaProducer<String, String> rawProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "0"), new StringSerializer(), new StringSerializer());
    }

    private long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox where sent_at is null").getSingleResult()).longValue());
    }

    private static double pct(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** Consumes the bench topic on its own thread, noting when each ce_id arrives. */
    static final class Listener implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final Map<UUID, Long> received;

        Listener(String bootstrap, Map<UUID, Long> received) {
            this.received = received;
            TopicReader reader = TopicReader.fromNow(bootstrap, TOPIC);
            thread = new Thread(() -> {
                try (reader) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(100))) {
                            var h = r.headers().lastHeader("ce_id");
                            received.putIfAbsent(UUID.fromString(new String(h.value(), StandardCharsets.UTF_8)),
                                    System.nanoTime());
                        }
                    }
                }
            }, "bench-listener");
            thread.start();
        }

        void await(java.util.Set<UUID> ids, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!received.keySet().containsAll(ids)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + ids.stream().filter(received::containsKey).count() + " of "
                            + ids.size() + " events arrived");
                }
                Thread.sleep(10);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
