package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.events.CloudEvents;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final UUID aggregate = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();

    @Test
    void partnerKeysTheRecordAndTheAggregateStandsInWhenThereIsNone() {
        assertEquals(partner.toString(), OutboxMessage.keyFor(aggregate, partner));
        assertEquals(aggregate.toString(), OutboxMessage.keyFor(aggregate, null));
    }

    @Test
    void rowBecomesARecordOnItsTopicWithItsKeyAndTheCloudEventHeaders() throws Exception {
        CloudEventEnvelope envelope = new CloudEventEnvelope(UUID.randomUUID(), "/consort/recruitment",
                "consort.partner.activated.v1", OffsetDateTime.now(ZoneOffset.UTC), aggregate.toString(),
                "application/json");
        String headersColumn = mapper.writeValueAsString(
                OutboxMessage.headersColumn(envelope, "prm.partners", partner.toString()));

        ProducerRecord<String, String> record = OutboxMessage.toRecord(mapper, headersColumn, "{\"a\":1}");

        assertEquals("prm.partners", record.topic());
        assertEquals(partner.toString(), record.key());
        assertEquals("{\"a\":1}", record.value());
        assertNull(record.partition(), "the partitioner picks the partition from the key");
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertEquals(envelope.toHeaders(), headers);
    }

    @Test
    void rowWithoutTopicCannotBePublished() {
        assertThrows(IllegalStateException.class, () -> OutboxMessage.toRecord(mapper, "{\"key\":\"k\"}", "{}"));
        assertThrows(IllegalStateException.class, () -> OutboxMessage.toRecord(mapper, "not json", "{}"));
    }

    @Test
    void batchRowBecomesOneRecordPerEventInOrderWithTheSharedAndItsOwnHeaders() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID otherAggregate = UUID.randomUUID();
        CloudEventEnvelope shared = new CloudEventEnvelope(first, "/consort/recruitment", "consort.prospect.imported.v1",
                OffsetDateTime.now(ZoneOffset.UTC), aggregate.toString(), "application/json");
        String headersColumn = mapper.writeValueAsString(batchHeadersColumn(shared, "prm.prospects", 3));
        // The payloads as PostgreSQL returns jsonb as text (a space after ':' and ','), one of them an
        // array, and one with braces and brackets inside a string: each is handed on exactly.
        String payloadColumn = "[" + element(first, aggregate, partner, "{\"a\": 1, \"b\": {\"c\": [1, 2]}}") + ", "
                + element(second, otherAggregate, null, "[{\"x\": \"}]{[\"}]") + ", "
                + element(third, aggregate, partner, "{}") + "]";

        List<ProducerRecord<String, String>> records = OutboxMessage.toRecords(mapper, headersColumn, payloadColumn);

        assertEquals(3, records.size());
        assertEquals(List.of("{\"a\": 1, \"b\": {\"c\": [1, 2]}}", "[{\"x\": \"}]{[\"}]", "{}"),
                records.stream().map(ProducerRecord::value).toList());
        assertEquals(List.of(partner.toString(), otherAggregate.toString(), partner.toString()),
                records.stream().map(ProducerRecord::key).toList());
        UUID[] ids = { first, second, third };
        UUID[] subjects = { aggregate, otherAggregate, aggregate };
        for (int i = 0; i < 3; i++) {
            ProducerRecord<String, String> record = records.get(i);
            assertEquals("prm.prospects", record.topic());
            assertNull(record.partition());
            Map<String, String> expected = new CloudEventEnvelope(ids[i], shared.source(), shared.type(), shared.time(),
                    subjects[i].toString(), shared.contentType()).toHeaders();
            assertEquals(expected, headers(record), "the headers emit would have written for event " + i);
        }
    }

    @Test
    void eventRowTakesTheSingleRecordPathEvenWithBatchInAHeaderValue() throws Exception {
        CloudEventEnvelope envelope = new CloudEventEnvelope(UUID.randomUUID(), "/consort/recruitment",
                "consort.partner.activated.v1", OffsetDateTime.now(ZoneOffset.UTC), "batch", "application/json");
        String headersColumn = mapper.writeValueAsString(OutboxMessage.headersColumn(envelope, "prm.partners", "k"));

        List<ProducerRecord<String, String>> records = OutboxMessage.toRecords(mapper, headersColumn, "{\"batch\": 1}");

        assertEquals(1, records.size());
        assertEquals("{\"batch\": 1}", records.get(0).value());
        assertEquals(envelope.toHeaders(), headers(records.get(0)));
    }

    @Test
    void aRelayThatOnlyKnowsEventRowsRefusesABatchRowInsteadOfPublishingItAsOneRecord() throws Exception {
        CloudEventEnvelope shared = new CloudEventEnvelope(UUID.randomUUID(), "/consort/recruitment",
                "consort.prospect.imported.v1", OffsetDateTime.now(ZoneOffset.UTC), aggregate.toString(), "application/json");
        String headersColumn = mapper.writeValueAsString(batchHeadersColumn(shared, "prm.prospects", 1));
        String payloadColumn = "[" + element(UUID.randomUUID(), aggregate, null, "{}") + "]";

        // toRecord is what relays before batch rows applied to every row.
        assertThrows(IllegalStateException.class, () -> OutboxMessage.toRecord(mapper, headersColumn, payloadColumn));
    }

    @Test
    void malformedBatchRowsCannotBePublished() throws Exception {
        CloudEventEnvelope shared = new CloudEventEnvelope(UUID.randomUUID(), "/consort/recruitment",
                "consort.prospect.imported.v1", OffsetDateTime.now(ZoneOffset.UTC), aggregate.toString(), "application/json");
        String headersColumn = mapper.writeValueAsString(batchHeadersColumn(shared, "prm.prospects", 1));
        assertThrows(IllegalStateException.class, () -> OutboxMessage.toRecords(mapper, headersColumn, "{}"));
        assertThrows(IllegalStateException.class, () -> OutboxMessage.toRecords(mapper, headersColumn, "[1]"));
        assertThrows(IllegalStateException.class, () -> OutboxMessage.toRecords(mapper, headersColumn,
                "[{\"headers\": {\"ce_id\": \"x\"}}]"));
        assertThrows(IllegalStateException.class, () -> OutboxMessage.toRecords(mapper,
                "{\"batch\": {\"events\": 1}}", "[" + element(UUID.randomUUID(), aggregate, null, "{}") + "]"));
    }

    /** An element as Outbox writes it, with the payload as the database would return it. */
    private String element(UUID id, UUID subject, UUID partnerId, String payload) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = mapper.createGenerator(text)) {
            startBatchElement(json, id, subject.toString(), OutboxMessage.keyFor(subject, partnerId));
            json.writeRawValue(payload);
            json.writeEndObject();
        }
        return text.toString();
    }

    private static Map<String, String> headers(ProducerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /**
     * The {@code headers} column of a batch row (earlier releases' layout) of {@code events} events: what {@code shared} (an
     * envelope of any one of them) has in common with the others, that is all but {@code ce_id} and
     * {@code ce_subject}, which each element of the {@code payload} array carries with its key.
     */
    private static Map<String, Object> batchHeadersColumn(CloudEventEnvelope shared, String topic, int events) {
        Map<String, Object> column = new LinkedHashMap<>(shared.toHeaders());
        column.remove(CloudEvents.CE_ID);
        column.remove(CloudEvents.CE_SUBJECT);
        column.put(OutboxMessage.TOPIC, topic);
        column.put(OutboxMessage.BATCH, Map.of(OutboxMessage.EVENTS, events));
        return column;
    }

    /**
     * Writes the start of one element of a batch row's {@code payload} array, up to the name of its
     * payload: the caller writes the payload, then ends the object.
     */
    private static void startBatchElement(JsonGenerator json, UUID id, String subject, String key) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart(OutboxMessage.EVENT_HEADERS);
        json.writeStringField(CloudEvents.CE_ID, id.toString());
        json.writeStringField(CloudEvents.CE_SUBJECT, subject);
        json.writeStringField(OutboxMessage.KEY, key);
        json.writeEndObject();
        json.writeFieldName(OutboxMessage.EVENT_PAYLOAD);
    }

}
