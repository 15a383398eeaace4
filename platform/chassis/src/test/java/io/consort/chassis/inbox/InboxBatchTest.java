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

/**
 * {@link Inbox#consumeBatch} on a real channel consumed in batches ({@code probe-batch}, {@code batch=true}):
 * records sent together under one key are one partition's consecutive records, so they arrive in one poll
 * or in consecutive ones, and the outcome must be the same either way.
 */
@QuarkusTest
class InboxBatchTest {

    @Inject
    InboxProbeConsumer consumer;
    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, "50"), new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void duplicateInOneBatchIsAppliedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        send(key, id, "{\"note\":\"twice\"}");
        send(key, other, "{\"note\":\"between\"}");
        send(key, id, "{\"note\":\"twice\"}");
        UUID marker = UUID.randomUUID();
        send(key, marker, "{\"note\":\"marker\"}");
        producer.flush();
        awaitApplied(marker);

        assertEquals(1, applied(id), "applications of the duplicated event");
        assertEquals(1, applied(other));
        assertEquals(1, consumer.attempts(id), "the copy was skipped before the effect ran");
    }

    @Test
    void unreadableRecordIsParkedAndTheRestOfTheBatchApplied() throws Exception {
        try (TopicReader deadLetters = TopicReader.fromNow(bootstrap, ProbeTopics.BATCH_DEAD_LETTERS)) {
            String key = UUID.randomUUID().toString();
            UUID before = UUID.randomUUID();
            UUID after = UUID.randomUUID();
            send(key, before, "{\"note\":\"before poison\"}");
            String poison = "{\"note\":\"poison " + UUID.randomUUID() + "\"}";
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_type", "consort.probe.recorded.v1".getBytes(StandardCharsets.UTF_8));
            headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(ProbeTopics.BATCH_TOPIC, null, key, poison, headers));
            send(key, after, "{\"note\":\"after poison\"}");
            producer.flush();

            ConsumerRecord<String, String> parked = awaitDeadLetter(deadLetters, poison);
            String reason = header(parked, "dead-letter-reason");
            assertNotNull(reason, "dead-letter-reason header");
            assertTrue(reason.contains("ce_id"), reason);
            assertEquals(PoisonEventException.class.getName(), header(parked, "dead-letter-exception-class-name"));
            awaitApplied(before);
            awaitApplied(after);
            assertEquals(1, consumer.attempts(before), "the readable records were applied as one batch, once");
        }
    }

    @Test
    void failingRecordIsRetriedAloneThenParkedAndTheRestApplied() throws Exception {
        try (TopicReader deadLetters = TopicReader.fromNow(bootstrap, ProbeTopics.BATCH_DEAD_LETTERS)) {
            String key = UUID.randomUUID().toString();
            UUID good = UUID.randomUUID();
            UUID bad = UUID.randomUUID();
            UUID flaky = UUID.randomUUID();
            send(key, good, "{\"note\":\"good\"}");
            String payload = "{\"note\":\"always fails " + bad + "\",\"fail\":true}";
            send(key, bad, payload);
            send(key, flaky, "{\"note\":\"flaky\",\"failTimes\":1}");
            producer.flush();

            ConsumerRecord<String, String> parked = awaitDeadLetter(deadLetters, payload);
            assertEquals(bad.toString(), header(parked, "ce_id"), "the parked record keeps its CloudEvents headers");
            String reason = header(parked, "dead-letter-reason");
            assertNotNull(reason, "dead-letter-reason header");
            assertTrue(reason.contains("probe effect refused event " + bad), reason);
            awaitApplied(good);
            awaitApplied(flaky);
            assertEquals(0, applied(bad));
            assertEquals(0L, count("select count(*) from inbox where event_id = '" + bad + "'"),
                    "the failed record leaves no inbox row behind");
            assertTrue(consumer.attempts(bad) >= 3, "retried alone (consort.inbox.max-attempts) after the batch failed");
        }
    }

    private ConsumerRecord<String, String> awaitDeadLetter(TopicReader deadLetters, String value) {
        return ProbeRecords.awaitDeadLetter(deadLetters, ProbeTopics.BATCH_DEAD_LETTERS, value);
    }

    private void send(String key, UUID id, String payload) {
        ProbeRecords.send(producer, ProbeTopics.BATCH_TOPIC, key, id, payload);
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
