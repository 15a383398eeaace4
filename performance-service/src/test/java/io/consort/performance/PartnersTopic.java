package io.consort.performance;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventType;
import io.consort.contracts.Topics;
import io.consort.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays recruitment on the real broker: publishes CloudEvents (binary mode) to {@code prm.partners}
 * exactly as the outbox relay does, and reads what performance parked on its dead-letter topic.
 */
final class PartnersTopic {

    static final String DEAD_LETTERS = Topics.deadLetter(Topics.PARTNERS, "performance");

    private PartnersTopic() {
    }

    /** Publishes a valid event: its payload is checked against its JSON Schema first. */
    static <P> UUID publish(EventType<P> type, UUID key, P payload) {
        UUID id = UUID.randomUUID();
        publish(type, id, key, payload);
        return id;
    }

    static <P> void publish(EventType<P> type, UUID eventId, UUID key, P payload) {
        String json = EventSchemas.toJson(payload);
        EventSchemas.assertValid(type.ceType(), json);
        send(key.toString(), json, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_source", "/consort/recruitment",
                "ce_type", type.ceType(),
                "ce_time", Instant.now().toString(),
                "ce_subject", key.toString(),
                "content-type", "application/json"));
    }

    /**
     * Publishes an event of another service's topic as JSON exactly as docs/events.md specifies it
     * (community and campaign types have no record in platform/contracts on this branch).
     */
    static void publishJson(String topic, String ceType, UUID eventId, String key, String json) {
        sendTo(topic, key, json, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_source", "/consort/" + (topic.equals(Topics.COMMUNITY) ? "community" : "campaign"),
                "ce_type", ceType,
                "ce_time", Instant.now().toString(),
                "ce_subject", key,
                "content-type", "application/json"));
    }

    /** Publishes any record, valid or not, with the given headers. */
    static void send(String key, String value, Map<String, String> headers) {
        sendTo(Topics.PARTNERS, key, value, headers);
    }

    static void sendTo(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** The dead letters with {@code key}, waiting up to {@code timeout} until there is at least one. */
    static List<ConsumerRecord<String, String>> awaitDeadLetters(String key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> found = deadLettersNow(key);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(200));
            found = deadLettersNow(key);
        }
        return found;
    }

    /** The dead letters with {@code key} among everything on the dead-letter topic right now. */
    static List<ConsumerRecord<String, String>> deadLettersNow(String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "performance-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Read up to the end offsets of now, so "none" means none rather than "not read yet".
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + DEAD_LETTERS + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
