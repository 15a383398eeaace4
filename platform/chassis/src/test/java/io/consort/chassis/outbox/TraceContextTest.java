package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.events.TraceHeaders;
import io.consort.chassis.testapp.InboxProbeConsumer;
import io.consort.chassis.testapp.ProbeTopics;
import io.consort.chassis.testapp.ProbeWriter;
import io.consort.chassis.testapp.TopicReader;
import io.consort.contracts.Topics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The trace context crosses Kafka: the outbox keeps it with the row, the relay sets it on the record
 * ({@code traceparent}), the consumer's inbox continues it. Runs with the chassis' default, the
 * OpenTelemetry SDK disabled, as every service's tests and the local stack do: nothing is exported, the
 * context passes through all the same.
 */
@QuarkusTest
class TraceContextTest {

    @Inject
    ProbeWriter writer;
    @Inject
    InboxProbeConsumer consumer;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    @Test
    void theTraceOfTheWriterIsKeptWithTheRowSetOnTheRecordAndContinuedByTheConsumer() throws Exception {
        assertTrue(sdkDisabled, "the chassis' default: traces off");
        UUID aggregate = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        writer.create(aggregate);
        SpanContext caller = remoteParent();
        String traceparent = "00-" + caller.getTraceId() + "-" + caller.getSpanId() + "-01";

        ConsumerRecord<String, String> published;
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            UUID id;
            try (Scope scope = Context.root().with(Span.wrap(caller)).makeCurrent()) {
                id = writer.record(aggregate, partner, "traced");
            }
            assertEquals(traceparent, rowHeader(id, TraceHeaders.TRACEPARENT), "kept with the row");
            published = OutboxRelayTest.only(id, reader.readUntil(r -> OutboxRelayTest.find(id, r) != null,
                    Duration.ofSeconds(20)));
        }
        Map<String, String> headers = OutboxRelayTest.headers(published);
        assertEquals(traceparent, headers.get(TraceHeaders.TRACEPARENT), "set on the record: " + headers);
        assertFalse(headers.containsKey(TraceHeaders.TRACESTATE), "no tracestate where the caller had none");

        // The record as a consumer of prm.partners receives it, into the chassis' probe consumer.
        UUID eventId = UUID.fromString(headers.get("ce_id"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(ProbeTopics.TOPIC, null, published.key(), published.value(),
                    published.headers())).get();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.traceOf(eventId) == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(caller.getTraceId(), consumer.traceOf(eventId), "the consumer's effect runs in the writer's trace");
    }

    @Test
    void emitAllCarriesTheTraceOnEveryRecordAndTracestateToo() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        writer.createAll(List.of(a, b));
        SpanContext caller = SpanContext.createFromRemoteParent(remoteParent().getTraceId(), remoteParent().getSpanId(),
                TraceFlags.getSampled(), TraceState.builder().put("consort", "t1").build());
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            List<UUID> ids;
            try (Scope scope = Context.root().with(Span.wrap(caller)).makeCurrent()) {
                ids = writer.recordAll(List.of(a, b), Map.of(a, partner, b, partner), "traced batch");
            }
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    r -> ids.stream().allMatch(id -> OutboxRelayTest.find(id, r) != null), Duration.ofSeconds(20));
            for (UUID id : ids) {
                Map<String, String> headers = OutboxRelayTest.headers(OutboxRelayTest.find(id, records));
                assertEquals("00-" + caller.getTraceId() + "-" + caller.getSpanId() + "-01",
                        headers.get(TraceHeaders.TRACEPARENT), id.toString());
                assertEquals("consort=t1", headers.get(TraceHeaders.TRACESTATE), id.toString());
            }
        }
    }

    @Test
    void withoutATraceTheRowAndTheRecordCarryNoneAndTheConsumerStillApplies() throws Exception {
        UUID aggregate = UUID.randomUUID();
        writer.create(aggregate);
        assertFalse(Span.current().getSpanContext().isValid());
        try (TopicReader reader = TopicReader.fromNow(bootstrap, Topics.PARTNERS)) {
            UUID id = writer.record(aggregate, null, "untraced");
            assertNull(rowHeader(id, TraceHeaders.TRACEPARENT));
            ConsumerRecord<String, String> record = OutboxRelayTest.only(id,
                    reader.readUntil(r -> OutboxRelayTest.find(id, r) != null, Duration.ofSeconds(20)));
            assertNull(record.headers().lastHeader(TraceHeaders.TRACEPARENT));
        }
        // A malformed traceparent is ignored, not a poison record.
        UUID eventId = UUID.randomUUID();
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        io.consort.chassis.events.CloudEventEnvelope.produce(eventId, "chassis-test", "consort.probe.recorded.v1", "k")
                .toHeaders().forEach((name, value) -> headers.add(name, value.getBytes()));
        headers.add(TraceHeaders.TRACEPARENT, "00-not-a-trace-01".getBytes());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(ProbeTopics.TOPIC, null, "k", "{\"note\":\"bad trace\"}", headers)).get();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.attempts(eventId) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, consumer.attempts(eventId), "applied despite the malformed traceparent");
        // The effect ran in a trace of its own (or none), not in one made up from the malformed header.
        String trace = consumer.traceOf(eventId);
        assertTrue(trace == null || trace.matches("[0-9a-f]{32}") && !trace.contains("not"), trace);
    }

    private static SpanContext remoteParent() {
        HexFormat hex = HexFormat.of();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        trace[0] |= 1;
        span[0] |= 1;
        return SpanContext.createFromRemoteParent(hex.formatHex(trace), hex.formatHex(span), TraceFlags.getSampled(),
                TraceState.getDefault());
    }

    private String rowHeader(UUID id, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select headers ->> ?1 from outbox where id = ?2")
                    .setParameter(1, name).setParameter(2, id).getResultList();
            assertEquals(1, rows.size(), "the outbox row of " + id);
            return (String) rows.get(0);
        });
    }
}
