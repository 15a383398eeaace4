package io.consort.chassis.outbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.events.CloudEventEnvelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How an outbox row's {@code headers} column is laid out and turned into Kafka records.
 *
 * <p>An <b>event row</b> (written by {@link Outbox#emit} and {@link Outbox#emitAll}) holds one event:
 * the {@code headers} column has the CloudEvents headers exactly as they will be sent, plus {@code key}
 * and {@code topic} (the Debezium outbox router's routing fields, which the row also has as columns of
 * their own for the router), so the relay needs no knowledge of event types; the {@code payload} column
 * is the event's JSON payload.
 *
 * <p>A <b>batch row</b> was written by {@code emitAll} of earlier releases: many events of one type in one
 * row, which Debezium's router cannot take apart. Nothing writes them any more; the relay still publishes
 * those left unsent by an earlier release (or by its instances during a rolling deploy), so this reading
 * goes once no database has one left ({@code select count(*) from outbox where aggregateid = '*' and
 * sent_at is null}). Its {@code headers} column has the headers its events share, {@code topic}, and
 * {@code "batch": {"events": n}}; its {@code payload} column is an array with one element per event,
 * {@code {"headers": {"ce_id": ..., "ce_subject": ..., "key": ...}, "payload": {...}}}, in emission
 * order. Each element becomes its own record, with the shared headers plus its own.
 */
public final class OutboxMessage {
    public static final String KEY = "key";
    public static final String TOPIC = "topic";
    /** The field of a batch row's {@code headers} column that makes it one, {@code {"events": n}}. */
    public static final String BATCH = "batch";
    public static final String EVENTS = "events";
    /** The fields of one element of a batch row's {@code payload} array. */
    public static final String EVENT_HEADERS = "headers";
    public static final String EVENT_PAYLOAD = "payload";

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private OutboxMessage() {
    }

    /** The partner keys the record so that a partner's events stay in one partition, in order. */
    public static String keyFor(UUID aggregateId, UUID partnerId) {
        return (partnerId != null ? partnerId : aggregateId).toString();
    }

    /** The {@code headers} column of an event row (what {@link Outbox} writes). */
    public static Map<String, String> headersColumn(CloudEventEnvelope envelope, String topic, String key) {
        Map<String, String> column = new LinkedHashMap<>(envelope.toHeaders());
        column.put(KEY, key);
        column.put(TOPIC, topic);
        return column;
    }

    /** The Kafka records of a row, event row or batch row, in the order they must be published. */
    public static List<ProducerRecord<String, String>> toRecords(ObjectMapper mapper, String headersJson,
            String payloadJson) {
        // Cheap test first: event rows, by far the most, take the unchanged single-record path.
        if (!headersJson.contains('"' + BATCH + '"')) {
            return List.of(toRecord(mapper, headersJson, payloadJson));
        }
        JsonNode column;
        try {
            column = mapper.readTree(headersJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox headers column: " + headersJson, e);
        }
        if (!column.path(BATCH).isObject()) {
            // "batch" was only some header's value.
            return List.of(toRecord(mapper, headersJson, payloadJson));
        }
        String topic = column.path(TOPIC).textValue();
        if (topic == null) {
            throw new IllegalStateException("outbox row without a topic: " + headersJson);
        }
        String sharedKey = column.path(KEY).textValue();
        Map<String, String> shared = new LinkedHashMap<>();
        column.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (!name.equals(BATCH) && !name.equals(TOPIC) && !name.equals(KEY)) {
                shared.put(name, field.getValue().asText());
            }
        });
        try {
            return batchRecords(mapper, topic, sharedKey, shared, payloadJson);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable outbox batch row: " + headersJson, e);
        }
    }

    /**
     * Streams through the array rather than building a tree of it: a batch row holds up to a thousand
     * payloads, each handed on as the exact text the database returned for it.
     */
    private static List<ProducerRecord<String, String>> batchRecords(ObjectMapper mapper, String topic,
            String sharedKey, Map<String, String> shared, String payloadJson) throws IOException {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(payloadJson)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("the payload of a batch row is not an array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> own = new LinkedHashMap<>(4);
                String payload = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals(EVENT_HEADERS) && value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            own.put(name, parser.getValueAsString());
                        }
                    } else if (field.equals(EVENT_PAYLOAD)) {
                        payload = rawValue(mapper, parser, payloadJson);
                    } else {
                        parser.skipChildren();
                    }
                }
                if (payload == null) {
                    throw new IllegalStateException("an event of a batch row has no payload");
                }
                String key = own.remove(KEY);
                RecordHeaders headers = new RecordHeaders();
                shared.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
                own.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
                records.add(new ProducerRecord<>(topic, null, key != null ? key : sharedKey, payload, headers));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalStateException("an element of a batch row is not an object");
            }
        }
        return records;
    }

    /** The text of the value at the parser, as it stands in {@code json}. */
    private static String rawValue(ObjectMapper mapper, JsonParser parser, String json) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int start = (int) parser.currentTokenLocation().getCharOffset();
            parser.skipChildren();
            int end = (int) parser.currentLocation().getCharOffset();
            return json.substring(start, end);
        }
        return mapper.writeValueAsString(parser.readValueAsTree());
    }

    /** The Kafka record for an event row: routing fields out of the headers column, the rest as UTF-8 headers. */
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
