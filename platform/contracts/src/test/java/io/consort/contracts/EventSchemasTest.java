package io.consort.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventTypeInUseHasASchema() {
        List<String> missing = EventTypes.ALL.stream()
                .map(EventType::ceType)
                .filter(ce -> !EventSchemas.hasSchema(ce))
                .toList();
        assertEquals(List.of(), missing, "event types without " + EventSchemas.resourcePath("<ceType>"));
    }

    @Test
    void everySchemaBelongsToAnEventTypeInUse() throws IOException {
        // A schema nobody produces is a contract that nothing checks.
        for (String ce : schemaFilesOnDisk()) {
            assertTrue(EventTypes.byCeType(ce).isPresent(), "schema without an EventTypes entry: " + ce);
        }
    }

    @TestFactory
    Stream<DynamicTest> aSampleOfEveryPayloadRecordValidates() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () -> {
            Object sample = SamplePayloads.of(type.payloadType());
            assertEquals(List.of(), EventSchemas.validatePayload(type, sample));
        }));
    }

    @TestFactory
    Stream<DynamicTest> theSchemaDescribesEveryFieldOfThePayloadRecordAndRequiresOnlyThose() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () -> {
            JsonNode schema = schemaOf(type.ceType());
            Set<String> recordFields = Arrays.stream(type.payloadType().getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
            Set<String> schemaFields = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);
            assertEquals(recordFields, schemaFields);
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
            assertFalse(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean(),
                    "payloads only grow: additional properties must stay allowed");
            for (JsonNode required : schema.get("required")) {
                assertTrue(recordFields.contains(required.asText()), "required but not in the record: " + required);
            }
            assertTrue(recordFields.contains("occurredAt"), "every payload carries occurredAt");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aPayloadMissingARequiredFieldFails() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode schema = schemaOf(type.ceType());
            for (JsonNode required : schema.get("required")) {
                String field = required.asText();
                tests.add(DynamicTest.dynamicTest(type.ceType() + " without " + field, () -> {
                    ObjectNode payload = samplePayload(type);
                    payload.remove(field);
                    List<String> errors = EventSchemas.validate(type.ceType(), payload.toString());
                    assertFalse(errors.isEmpty(), "accepted without " + field);
                    assertTrue(errors.stream().anyMatch(e -> e.contains(field)), "errors do not name " + field + ": " + errors);
                }));
                tests.add(DynamicTest.dynamicTest(type.ceType() + " with null " + field, () -> {
                    ObjectNode payload = samplePayload(type);
                    payload.putNull(field);
                    assertFalse(EventSchemas.validate(type.ceType(), payload.toString()).isEmpty(), "accepted null " + field);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void idsMustBeUuidsAndTimesRfc3339() {
        ObjectNode payload = samplePayload(EventTypes.APPLICATION_APPROVED);
        payload.put("partnerId", "partner-42");
        assertTrue(EventSchemas.validate(EventTypes.APPLICATION_APPROVED.ceType(), payload.toString())
                .stream().anyMatch(e -> e.contains("partnerId")));

        payload = samplePayload(EventTypes.APPLICATION_APPROVED);
        payload.put("occurredAt", 1764238530.123);
        assertFalse(EventSchemas.validate(EventTypes.APPLICATION_APPROVED.ceType(), payload.toString()).isEmpty(),
                "a numeric timestamp (WRITE_DATES_AS_TIMESTAMPS on) must fail");

        payload = samplePayload(EventTypes.APPLICATION_APPROVED);
        payload.put("occurredAt", "27/11/2026 10:15");
        assertFalse(EventSchemas.validate(EventTypes.APPLICATION_APPROVED.ceType(), payload.toString()).isEmpty());
    }

    @Test
    void unknownFieldsAreAllowedBecausePayloadsOnlyGrow() {
        ObjectNode payload = samplePayload(EventTypes.PARTNER_ONBOARDING_STARTED);
        payload.put("addedInALaterRelease", "whatever");
        assertEquals(List.of(), EventSchemas.validate(EventTypes.PARTNER_ONBOARDING_STARTED.ceType(), payload.toString()));
    }

    @Test
    void optionalFieldsMayBeNullOrAbsent() {
        ObjectNode payload = samplePayload(EventTypes.PARTNER_ONBOARDING_STARTED);
        payload.putNull("region");
        payload.remove("partnerType");
        assertEquals(List.of(), EventSchemas.validate(EventTypes.PARTNER_ONBOARDING_STARTED.ceType(), payload.toString()));
    }

    @Test
    void anUnknownTypeOrAnUnparsablePayloadIsAnError() {
        assertFalse(EventSchemas.validate("consort.nothing.happened.v1", "{}").isEmpty());
        assertFalse(EventSchemas.validate(EventTypes.APPLICATION_APPROVED.ceType(), "{not json").isEmpty());
        assertFalse(EventSchemas.validate(EventTypes.APPLICATION_APPROVED.ceType(), "").isEmpty());
        assertFalse(EventSchemas.validate((String) null, "{}").isEmpty());
    }

    @Test
    void assertValidPassesAValidPayloadAndNamesTheProblemsOfAnInvalidOne() {
        String valid = EventSchemas.toJson(SamplePayloads.of(EventTypes.APPLICATION_APPROVED.payloadType()));
        EventSchemas.assertValid(EventTypes.APPLICATION_APPROVED.ceType(), valid);

        ObjectNode invalid = samplePayload(EventTypes.APPLICATION_APPROVED);
        invalid.remove("programId");
        AssertionError error = assertThrows(AssertionError.class,
                () -> EventSchemas.assertValid(EventTypes.APPLICATION_APPROVED.ceType(), invalid.toString()));
        assertTrue(error.getMessage().contains("programId"), error.getMessage());
    }

    @Test
    void theSchemasOwnExamplesValidate() {
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode examples = schemaOf(type.ceType()).get("examples");
            assertNotNull(examples, type.ceType() + " has no example");
            for (JsonNode example : examples) {
                assertEquals(List.of(), EventSchemas.validate(type.ceType(), example.toString()), type.ceType());
            }
        }
    }

    private static ObjectNode samplePayload(EventType<?> type) {
        try {
            return (ObjectNode) JSON.readTree(EventSchemas.toJson(SamplePayloads.of(type.payloadType())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode schemaOf(String ceType) {
        try (InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(EventSchemas.resourcePath(ceType))) {
            assertNotNull(in, "no schema for " + ceType);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> schemaFilesOnDisk() throws IOException {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/schemas"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }
}
