package io.consort.campaign;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays the other services on the test broker: publishes CloudEvents (binary mode) as their outbox relays
 * would, records of the contract checked against their schema first.
 */
public final class EventsTopic {

    private EventsTopic() {
    }

    /** Publishes a contract record keyed by {@code partnerId}, after checking it against its schema. */
    public static <P> UUID publish(EventType<P> type, UUID partnerId, P payload) {
        String json = EventSchemas.toJson(payload);
        EventSchemas.assertValid(type.ceType(), json);
        UUID eventId = UUID.randomUUID();
        send(type.topic(), type.ceType(), eventId, partnerId.toString(), json);
        return eventId;
    }

    /** Publishes any JSON value under {@code ceType} (fields a producer is adding, or broken payloads). */
    public static void send(String topic, String ceType, UUID eventId, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId.toString());
        header(record, "ce_source", "/consort/test");
        header(record, "ce_type", ceType);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
