package io.consort.recruitment;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventType;
import io.consort.contracts.Topics;
import io.consort.testkit.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

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

    /** Publishes any record, valid or not, with the testkit's companion; returns once the broker has it. */
    public static void send(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PERFORMANCE, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        EmbeddedKafka.shared().companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }
}
