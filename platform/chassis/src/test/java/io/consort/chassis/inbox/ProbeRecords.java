package io.consort.chassis.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.testapp.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** What the inbox tests send to the probe consumer and look for afterwards (InboxTest, InboxBatchTest). */
final class ProbeRecords {

    private ProbeRecords() {
    }

    /** Sends a probe event as a producer's outbox would publish it (CloudEvents binary mode). */
    static Future<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, String key, UUID id,
            String payload) {
        CloudEventEnvelope envelope = CloudEventEnvelope.produce(id, "chassis-test", "consort.probe.recorded.v1", key);
        RecordHeaders headers = new RecordHeaders();
        envelope.toHeaders().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer.send(new ProducerRecord<>(topic, null, key, payload, headers));
    }

    static ConsumerRecord<String, String> awaitDeadLetter(TopicReader deadLetters, String topic, String value) {
        List<ConsumerRecord<String, String>> records = deadLetters.readUntil(
                r -> r.stream().anyMatch(x -> value.equals(x.value())), Duration.ofSeconds(30));
        return records.stream().filter(x -> value.equals(x.value())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing parked on " + topic));
    }

    static void awaitApplied(EntityManager em, UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (applied(em, id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, applied(em, id), "event " + id + " applied");
    }

    /** How often the probe effect was applied to the event (test_applied has no unique key on purpose). */
    static long applied(EntityManager em, UUID id) {
        return count(em, "select count(*) from test_applied where event_id = '" + id + "'");
    }

    static long count(EntityManager em, String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
