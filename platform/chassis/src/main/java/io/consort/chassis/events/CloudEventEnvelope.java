package io.consort.chassis.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The attributes of one event (everything but its payload) and their mapping to and from Kafka
 * headers in CloudEvents binary mode.
 *
 * <p>{@code subject} and {@code time} are optional in the CloudEvents spec; Consort always sets
 * them when producing, but a consumer tolerates their absence so that only {@code ce_id} and
 * {@code ce_type} (what deduplication and dispatch need) make a record unusable.
 */
public record CloudEventEnvelope(UUID id, String source, String type, OffsetDateTime time, String subject,
        String contentType) {

    public CloudEventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** A fresh envelope for an event this service produces now. */
    public static CloudEventEnvelope produce(UUID id, String serviceName, String type, String subject) {
        return new CloudEventEnvelope(id, CloudEvents.sourceOf(serviceName), type,
                OffsetDateTime.now(ZoneOffset.UTC), subject, CloudEvents.JSON);
    }

    /** The {@code ce_*} and {@code content-type} headers, in a stable order, absent attributes left out. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEvents.CE_SPECVERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.CE_ID, id.toString());
        putIfPresent(headers, CloudEvents.CE_SOURCE, source);
        headers.put(CloudEvents.CE_TYPE, type);
        if (time != null) {
            // RFC 3339, as CloudEvents requires for the time attribute.
            headers.put(CloudEvents.CE_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        }
        putIfPresent(headers, CloudEvents.CE_SUBJECT, subject);
        putIfPresent(headers, CloudEvents.CONTENT_TYPE, contentType);
        return headers;
    }

    /**
     * Reads the envelope of a record.
     *
     * @throws MalformedEventException when {@code ce_id} or {@code ce_type} is missing or unreadable,
     *     or {@code ce_time} is not RFC 3339: such a record can never be processed, however often it
     *     is retried
     */
    public static CloudEventEnvelope fromHeaders(Headers headers) {
        String id = lastValue(headers, CloudEvents.CE_ID);
        String type = lastValue(headers, CloudEvents.CE_TYPE);
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("missing header " + CloudEvents.CE_ID);
        }
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("missing header " + CloudEvents.CE_TYPE);
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(CloudEvents.CE_ID + " is not a UUID: " + id);
        }
        String specVersion = lastValue(headers, CloudEvents.CE_SPECVERSION);
        if (specVersion != null && !specVersion.startsWith("1.")) {
            throw new MalformedEventException("unsupported " + CloudEvents.CE_SPECVERSION + ": " + specVersion);
        }
        String time = lastValue(headers, CloudEvents.CE_TIME);
        OffsetDateTime parsedTime = null;
        if (time != null) {
            try {
                parsedTime = OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException(CloudEvents.CE_TIME + " is not RFC 3339: " + time);
            }
        }
        return new CloudEventEnvelope(uuid, lastValue(headers, CloudEvents.CE_SOURCE), type.trim(), parsedTime,
                lastValue(headers, CloudEvents.CE_SUBJECT), lastValue(headers, CloudEvents.CONTENT_TYPE));
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    private static String lastValue(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
