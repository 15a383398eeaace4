package io.consort.community;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventType;
import io.consort.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays recruitment and performance on the real broker: publishes CloudEvents (binary mode), keyed by
 * partner, exactly as their outbox relays do, each payload checked against its schema first.
 */
public final class EventFeed {

    private EventFeed() {
    }

    public static <P> UUID publish(EventType<P> type, UUID partnerId, P payload) {
        UUID id = UUID.randomUUID();
        publish(type, id, partnerId, payload);
        return id;
    }

    /** With a given event id: publishing the same id twice is a redelivery. */
    public static <P> void publish(EventType<P> type, UUID eventId, UUID partnerId, P payload) {
        publishJson(type, eventId, partnerId, EventSchemas.toJson(payload));
    }

    public static void publishJson(EventType<?> type, UUID eventId, UUID partnerId, String json) {
        EventSchemas.assertValid(type.ceType(), json);
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), partnerId.toString(), json);
        Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_source", "/consort/test",
                "ce_type", type.ceType(), "ce_time", Instant.now().toString(), "ce_subject", partnerId.toString(),
                "content-type", "application/json")
                .forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + type.topic(), e);
        }
    }
}
