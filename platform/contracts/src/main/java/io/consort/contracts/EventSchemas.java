package io.consort.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the event payloads ({@code schemas/<ceType>.json} on the classpath), and the
 * check that a payload on the wire matches its schema.
 *
 * <p>Services call {@link #assertValid(String, String)} in their tests on every record they
 * produce or read, so a payload that drifts from its contract fails a build rather than a consumer.
 * The validator it uses ({@code com.networknt:json-schema-validator}) is an optional dependency of this
 * module, so it never reaches a service's runtime class path; {@code platform/testkit} brings it to tests.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation only; a contract that does not check that an
    // id is a UUID or a timestamp is RFC 3339 would let the most common drift through.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    // The wire form of a payload: what Quarkus' default ObjectMapper writes (ISO dates, not numbers).
    private static final ObjectMapper WIRE = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final Map<String, Optional<JsonSchema>> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Where the schema of {@code ceType} lives on the classpath. */
    public static String resourcePath(String ceType) {
        return "schemas/" + ceType + ".json";
    }

    public static boolean hasSchema(String ceType) {
        return schema(ceType).isPresent();
    }

    /**
     * Checks a payload against the schema of its CloudEvents type.
     *
     * @return the problems found, one readable line each; empty when the payload is valid
     */
    public static List<String> validate(String ceType, String json) {
        if (ceType == null || ceType.isBlank()) {
            return List.of("no CloudEvents type given");
        }
        Optional<JsonSchema> schema = schema(ceType);
        if (schema.isEmpty()) {
            return List.of("no JSON Schema for event type " + ceType + " (expected " + resourcePath(ceType) + ")");
        }
        JsonNode payload;
        try {
            payload = json == null ? null : WIRE.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("payload is not JSON: " + e.getOriginalMessage());
        }
        if (payload == null || payload.isMissingNode()) {
            return List.of("payload is empty");
        }
        return schema.get().validate(payload).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** Checks a payload record as it would travel: serialized the way the services serialize it. */
    public static List<String> validatePayload(EventType<?> type, Object payload) {
        return validate(type.ceType(), toJson(payload));
    }

    /**
     * Fails with an {@link AssertionError} naming every problem when {@code json} does not match the
     * schema of {@code ceType} (or there is no such schema). For tests: call it on every record a
     * service writes to or reads from Kafka.
     */
    public static void assertValid(String ceType, String json) {
        List<String> errors = validate(ceType, json);
        if (!errors.isEmpty()) {
            throw new AssertionError("payload of " + ceType + " breaks its contract: " + String.join("; ", errors)
                    + "\npayload: " + json);
        }
    }

    /** The JSON a payload record becomes on the wire (Jackson, JavaTimeModule, ISO-8601 dates). */
    public static String toJson(Object payload) {
        try {
            return WIRE.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + payload.getClass().getName(), e);
        }
    }

    private static Optional<JsonSchema> schema(String ceType) {
        return CACHE.computeIfAbsent(ceType, EventSchemas::load);
    }

    private static Optional<JsonSchema> load(String ceType) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resourcePath(ceType))) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(FACTORY.getSchema(in, CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourcePath(ceType), e);
        }
    }
}
