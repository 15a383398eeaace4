package io.consort.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds a filled-in instance of any payload record, so every event type added to
 * {@link EventTypes#ALL} is checked against its schema without a hand-written sample.
 */
final class SamplePayloads {

    private SamplePayloads() {
    }

    static Object of(Class<?> recordType) {
        if (!recordType.isRecord()) {
            throw new IllegalArgumentException(recordType.getName() + " is not a record");
        }
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> value(c.getName(), c.getType(), c.getGenericType())).toArray();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return recordType.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + recordType.getName(), e);
        }
    }

    private static Object value(String name, Class<?> type, Type generic) {
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == String.class && name.equals("currency")) {
            return "EUR";
        }
        if (type == String.class) {
            return "sample " + name;
        }
        if (type == Instant.class) {
            // Nanosecond precision, as Instant.now() gives on Linux: the schema must accept it.
            return Instant.parse("2026-11-27T10:15:30.123456789Z");
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.UTC);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 11, 27);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1250.00");
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == long.class || type == Long.class) {
            return 3L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return of(type);
        }
        if ((type == List.class || type == Set.class) && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            Object one = value(name, element, element);
            return type == List.class ? List.of(one) : Set.of(one);
        }
        throw new IllegalArgumentException("no sample value for " + name + " of type " + generic.getTypeName()
                + "; teach SamplePayloads this type");
    }
}
