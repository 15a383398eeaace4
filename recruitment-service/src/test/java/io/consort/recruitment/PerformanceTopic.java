package io.consort.recruitment;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventType;
import io.consort.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * Plays performance on the test broker: publishes CloudEvents (binary mode) to {@code prm.performance}
 * as its outbox relay would, valid ones checked against their schema first, and anything else as given.
 */
public final class PerformanceTopic {

    public static final String DEAD_LETTERS = Topics.deadLetter(Topics.PERFORMANCE, "recruitment");

    private PerformanceTopic() {
    }

    /** Publishes a valid event keyed by {@code partnerId} with the event id {@code eventId}. */
    public static <P> void publish(EventType<P> type, UUID eventId, UUID partnerId, P payload) {
        String json = EventSchemas.toJson(payload);
        EventSchemas.assertValid(type.ceType(), json);
        send(partnerId.toString(), json, headers(type.ceType(), eventId));
    }

    /** The CloudEvents headers performance's relay writes. */
    public static Map<String, String> headers(String ceType, UUID eventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId.toString());
        headers.put("ce_source", "/consort/performance");
        headers.put("ce_type", ceType);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    /** Publishes any record, valid or not. */
    public static void send(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PERFORMANCE, key, value);
        headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
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
            throw new IllegalStateException("could not publish to " + Topics.PERFORMANCE, e);
        }
    }
}
