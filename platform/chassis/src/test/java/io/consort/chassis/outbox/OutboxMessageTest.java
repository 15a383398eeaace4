package io.consort.chassis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.events.CloudEventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
}
