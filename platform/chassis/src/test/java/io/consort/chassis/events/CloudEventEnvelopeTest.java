package io.consort.chassis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventEnvelopeTest {

    private static final UUID ID = UUID.fromString("0b7e4a5c-4a8e-4a1b-9d2c-6c1f0e8a9b10");
    private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 11, 27, 5, 1, 2, 345_000_000, ZoneOffset.UTC);

    @Test
    void producedEnvelopeCarriesEveryBinaryModeHeader() {
        CloudEventEnvelope envelope = new CloudEventEnvelope(ID, "/consort/recruitment",
                "consort.application.approved.v1", TIME, "a1", "application/json");

        Map<String, String> headers = envelope.toHeaders();

        assertEquals(Map.of(
                "ce_specversion", "1.0",
                "ce_id", ID.toString(),
                "ce_source", "/consort/recruitment",
                "ce_type", "consort.application.approved.v1",
                "ce_time", "2026-11-27T05:01:02.345Z",
                "ce_subject", "a1",
                "content-type", "application/json"), headers);
        assertEquals(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject",
                "content-type"), List.copyOf(headers.keySet()));
    }

    @Test
    void sourceNamesTheProducingService() {
        CloudEventEnvelope envelope = CloudEventEnvelope.produce(ID, "performance", "consort.score.changed.v1", "p");
        assertEquals("/consort/performance", envelope.source());
        assertEquals("application/json", envelope.contentType());
        assertEquals(ZoneOffset.UTC, envelope.time().getOffset());
    }

    @Test
    void headersReadBackIntoTheSameEnvelope() {
        CloudEventEnvelope envelope = new CloudEventEnvelope(ID, "/consort/community", "consort.member.joined.v1",
                TIME, "m1", "application/json");
        assertEquals(envelope, CloudEventEnvelope.fromHeaders(kafkaHeaders(envelope.toHeaders())));
    }

    @Test
    void optionalAttributesMayBeAbsent() {
        CloudEventEnvelope read = CloudEventEnvelope.fromHeaders(kafkaHeaders(Map.of(
                "ce_id", ID.toString(), "ce_type", "consort.member.joined.v1")));
        assertEquals(ID, read.id());
        assertNull(read.time());
        assertNull(read.subject());
        assertNull(read.source());
    }

    @Test
    void recordWithoutIdOrTypeIsMalformed() {
        MalformedEventException noId = assertThrows(MalformedEventException.class,
                () -> CloudEventEnvelope.fromHeaders(kafkaHeaders(Map.of("ce_type", "consort.member.joined.v1"))));
        assertTrue(noId.getMessage().contains("ce_id"), noId.getMessage());
        MalformedEventException noType = assertThrows(MalformedEventException.class,
                () -> CloudEventEnvelope.fromHeaders(kafkaHeaders(Map.of("ce_id", ID.toString()))));
        assertTrue(noType.getMessage().contains("ce_type"), noType.getMessage());
        assertThrows(MalformedEventException.class, () -> CloudEventEnvelope.fromHeaders(new RecordHeaders()));
    }

    @Test
    void unreadableIdTimeOrSpecVersionIsMalformed() {
        assertThrows(MalformedEventException.class, () -> CloudEventEnvelope.fromHeaders(kafkaHeaders(Map.of(
                "ce_id", "not-a-uuid", "ce_type", "consort.member.joined.v1"))));
        assertThrows(MalformedEventException.class, () -> CloudEventEnvelope.fromHeaders(kafkaHeaders(Map.of(
                "ce_id", ID.toString(), "ce_type", "consort.member.joined.v1", "ce_time", "yesterday"))));
        assertThrows(MalformedEventException.class, () -> CloudEventEnvelope.fromHeaders(kafkaHeaders(Map.of(
                "ce_id", ID.toString(), "ce_type", "consort.member.joined.v1", "ce_specversion", "0.3"))));
    }

    static RecordHeaders kafkaHeaders(Map<String, String> values) {
        RecordHeaders headers = new RecordHeaders();
        values.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
