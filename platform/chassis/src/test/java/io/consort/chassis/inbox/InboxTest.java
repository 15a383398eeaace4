package io.consort.chassis.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.testapp.InboxProbeConsumer;
import io.consort.chassis.testapp.ProbeTopics;
import io.consort.chassis.testapp.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxTest {

    @Inject
    InboxProbeConsumer consumer;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        send(key, id, "{\"note\":\"twice\"}");
        send(key, id, "{\"note\":\"twice\"}");
        // Same key, same partition: once the marker is applied, both copies have been consumed.
        UUID marker = UUID.randomUUID();
        send(key, marker, "{\"note\":\"marker\"}");
        awaitApplied(marker);

        assertEquals(1, applied(id), "applications of the redelivered event");
        assertEquals(1, consumer.attempts(id), "the copy was skipped before the effect ran");
    }

    @Test
    void effectThatFailsOnceIsRetriedAndAppliedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        // The first attempt fails after the inbox row was written; its rollback must take the row with it,
        // or the second attempt would skip the event as already processed.
        send(key, id, "{\"note\":\"flaky\",\"failTimes\":1}");
        awaitApplied(id);
        assertEquals(2, consumer.attempts(id));
        assertEquals(1, applied(id));
    }

    @Test
    void recordWithoutCeIdIsDeadLetteredWithoutRetries() throws Exception {
        try (TopicReader deadLetters = TopicReader.fromNow(bootstrap, ProbeTopics.DEAD_LETTERS)) {
            String marker = "{\"note\":\"poison " + UUID.randomUUID() + "\"}";
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_type", "consort.probe.recorded.v1".getBytes(StandardCharsets.UTF_8));
            headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(ProbeTopics.TOPIC, null, "poison", marker, headers)).get();

            ConsumerRecord<String, String> parked = awaitDeadLetter(deadLetters, marker);
            String reason = header(parked, "dead-letter-reason");
            assertNotNull(reason, "dead-letter-reason header");
            assertTrue(reason.contains("ce_id"), reason);
            assertEquals(ProbeTopics.TOPIC, header(parked, "dead-letter-topic"));
            assertEquals(PoisonEventException.class.getName(), header(parked, "dead-letter-exception-class-name"));
        }
    }

    @Test
    void effectThatKeepsFailingIsRetriedThenDeadLetteredWithTheError() throws Exception {
        try (TopicReader deadLetters = TopicReader.fromNow(bootstrap, ProbeTopics.DEAD_LETTERS)) {
            UUID id = UUID.randomUUID();
            String payload = "{\"note\":\"always fails\",\"fail\":true}";
            send(UUID.randomUUID().toString(), id, payload);

            ConsumerRecord<String, String> parked = awaitDeadLetter(deadLetters, payload);
            assertEquals(id.toString(), header(parked, "ce_id"), "the parked record keeps its CloudEvents headers");
            String reason = header(parked, "dead-letter-reason");
            assertNotNull(reason, "dead-letter-reason header");
            assertTrue(reason.contains("probe effect refused event " + id), reason);
            assertEquals(3, consumer.attempts(id), "attempts (consort.inbox.max-attempts)");
            assertEquals(0, applied(id));
            assertEquals(0L, count("select count(*) from inbox where event_id = '" + id + "'"),
                    "failed attempts leave no inbox row behind");
        }
    }

    private ConsumerRecord<String, String> awaitDeadLetter(TopicReader deadLetters, String value) {
        return ProbeRecords.awaitDeadLetter(deadLetters, ProbeTopics.DEAD_LETTERS, value);
    }

    private void send(String key, UUID id, String payload) throws Exception {
        ProbeRecords.send(producer, ProbeTopics.TOPIC, key, id, payload).get();
    }

    private void awaitApplied(UUID id) throws InterruptedException {
        ProbeRecords.awaitApplied(em, id);
    }

    private long applied(UUID id) {
        return ProbeRecords.applied(em, id);
    }

    private long count(String sql) {
        return ProbeRecords.count(em, sql);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return ProbeRecords.header(record, name);
    }
}
