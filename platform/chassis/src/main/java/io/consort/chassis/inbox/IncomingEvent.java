package io.consort.chassis.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.events.MalformedEventException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** An event as a consumer sees it: its CloudEvents attributes, the record key and the JSON payload. */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time, String key,
        JsonNode payload) {

    /**
     * Payloads only grow (events.md): a consumer must accept fields it does not know yet, whatever
     * the application's own ObjectMapper says about unknown properties in its API.
     */
    private static final ObjectMapper PAYLOADS = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * Reads a record in CloudEvents binary mode.
     *
     * @throws MalformedEventException if {@code ce_id} or {@code ce_type} is missing or unreadable or
     *     the value is not JSON: the record is poison and goes to the dead-letter topic unretried
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        CloudEventEnvelope envelope = CloudEventEnvelope.fromHeaders(record.headers());
        if (record.value() == null) {
            throw new MalformedEventException("event " + envelope.id() + " has no payload");
        }
        JsonNode payload;
        try {
            payload = PAYLOADS.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + envelope.id() + " has a payload that is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        return new IncomingEvent(envelope.id(), envelope.type(), envelope.source(), envelope.subject(),
                envelope.time(), record.key(), payload);
    }

    /** The payload as the contract's record type; fields added by newer producers are ignored. */
    public <T> T payloadAs(Class<T> type) {
        ObjectReader reader = PAYLOADS.readerFor(type);
        try {
            return reader.readValue(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("payload of " + type() + " " + id() + " is not a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code value}, a field of this event's payload the contract requires; when it is missing the event
     * can never be applied (no retry will fix it), so it is refused as malformed, straight to the DLQ.
     */
    public <T> T require(String field, T value) {
        if (value == null) {
            throw new MalformedEventException(type() + " " + id() + " has no " + field);
        }
        return value;
    }
}
