package io.consort.chassis.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.events.CloudEventEnvelope;
import io.consort.chassis.events.MalformedEventException;
import io.consort.contracts.events.ApplicationApproved;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    private final UUID id = UUID.randomUUID();
    private final UUID application = UUID.randomUUID();
    private final UUID program = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final OffsetDateTime time = OffsetDateTime.of(2026, 11, 27, 4, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void recordInBinaryModeBecomesAnIncomingEvent() {
        String payload = "{\"applicationId\":\"" + application + "\",\"programId\":\"" + program
                + "\",\"partnerId\":\"" + partner + "\",\"approvedBy\":\"manager\","
                + "\"occurredAt\":\"2026-11-27T04:00:00Z\"}";
        IncomingEvent event = IncomingEvent.from(record(partner.toString(), payload, envelope().toHeaders()));

        assertEquals(id, event.id());
        assertEquals("consort.application.approved.v1", event.type());
        assertEquals("/consort/recruitment", event.source());
        assertEquals(application.toString(), event.subject());
        assertEquals(time, event.time());
        assertEquals(partner.toString(), event.key());
        assertEquals("manager", event.payload().get("approvedBy").asText());
        assertEquals(new ApplicationApproved(application, program, partner, "manager",
                Instant.parse("2026-11-27T04:00:00Z")), event.payloadAs(ApplicationApproved.class));
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String payload = "{\"applicationId\":\"" + application + "\",\"partnerId\":\"" + partner
                + "\",\"occurredAt\":\"2026-11-27T04:00:00Z\",\"addedInV1_1\":{\"x\":1}}";
        ApplicationApproved approved = IncomingEvent.from(record("k", payload, envelope().toHeaders()))
                .payloadAs(ApplicationApproved.class);
        assertEquals(application, approved.applicationId());
    }

    @Test
    void aRequiredFieldTheProducerLeftOutMakesTheEventPoison() {
        IncomingEvent event = IncomingEvent.from(record("k", "{}", envelope().toHeaders()));
        assertEquals("EMEA", event.require("region", "EMEA"));
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> event.require("partnerId", null));
        assertTrue(refused.getMessage().contains("has no partnerId"), refused.getMessage());
    }

    @Test
    void recordWithoutCeTypeIsPoison() {
        Map<String, String> headers = new java.util.HashMap<>(envelope().toHeaders());
        headers.remove("ce_type");
        assertThrows(MalformedEventException.class, () -> IncomingEvent.from(record("k", "{}", headers)));
    }

    @Test
    void recordWhoseValueIsNotJsonIsPoison() {
        assertThrows(MalformedEventException.class,
                () -> IncomingEvent.from(record("k", "{not json", envelope().toHeaders())));
        assertThrows(MalformedEventException.class,
                () -> IncomingEvent.from(record("k", null, envelope().toHeaders())));
    }

    @Test
    void payloadOfAnotherShapeIsAnErrorOfTheEffectNotPoison() {
        IncomingEvent event = IncomingEvent.from(record("k", "{\"occurredAt\":\"soon\"}", envelope().toHeaders()));
        assertThrows(IllegalArgumentException.class, () -> event.payloadAs(ApplicationApproved.class));
    }

    private CloudEventEnvelope envelope() {
        return new CloudEventEnvelope(id, "/consort/recruitment", "consort.application.approved.v1", time,
                application.toString(), "application/json");
    }

    private static ConsumerRecord<String, String> record(String key, String value, Map<String, String> headerValues) {
        RecordHeaders headers = new RecordHeaders();
        headerValues.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>("prm.partners", 0, 42L, 0L, TimestampType.CREATE_TIME, 0, 0, key, value, headers,
                java.util.Optional.empty());
    }
}
