package io.consort.chassis.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.events.CloudEventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How an outbox row's {@code headers} column is laid out and turned into a Kafka record.
 *
 * <p>The column holds the CloudEvents headers exactly as they will be sent, plus {@code key} and
 * {@code topic} (the Debezium outbox router's convention of routing fields), so the relay needs no
 * knowledge of event types and a row can be published by any relay version.
 */
public final class OutboxMessage {
    public static final String KEY = "key";
    public static final String TOPIC = "topic";

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private OutboxMessage() {
    }

    /** The partner keys the record so that a partner's events stay in one partition, in order. */
    public static String keyFor(UUID aggregateId, UUID partnerId) {
        return (partnerId != null ? partnerId : aggregateId).toString();
    }

    public static Map<String, String> headersColumn(CloudEventEnvelope envelope, String topic, String key) {
        Map<String, String> column = new LinkedHashMap<>(envelope.toHeaders());
        column.put(KEY, key);
        column.put(TOPIC, topic);
        return column;
    }

    /** The Kafka record for a row: routing fields out of the headers column, the rest as UTF-8 headers. */
    public static ProducerRecord<String, String> toRecord(ObjectMapper mapper, String headersJson, String payloadJson) {
        Map<String, String> column;
        try {
            column = mapper.readValue(headersJson, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox headers column: " + headersJson, e);
        }
        String topic = column.remove(TOPIC);
        String key = column.remove(KEY);
        if (topic == null) {
            throw new IllegalStateException("outbox row without a topic: " + headersJson);
        }
        RecordHeaders headers = new RecordHeaders();
        column.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, payloadJson, headers);
    }
}
