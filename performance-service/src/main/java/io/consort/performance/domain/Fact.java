package io.consort.performance.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One event about a partner, as the domain computes with it: its id, CloudEvents type, when it
 * happened and its payload. Accessors read the payload field names of {@code docs/events.md}.
 */
public record Fact(UUID eventId, String type, UUID partnerId, Instant occurredAt, JsonNode data) {

    public LocalDate day() {
        return dayOf(occurredAt);
    }

    /** The UTC day of an instant (as {@code instant.atOffset(UTC).toLocalDate()}, without building zone rules each time). */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L));
    }

    public boolean is(String ceType) {
        return type.equals(ceType);
    }

    public String text(String field) {
        JsonNode node = data.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    public UUID uuid(String field) {
        String text = text(field);
        return text == null || text.isBlank() ? null : UUID.fromString(text);
    }

    public Instant instant(String field) {
        String text = text(field);
        return text == null ? null : Instant.parse(text);
    }

    public LocalDate date(String field) {
        String text = text(field);
        return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    public int integer(String field, int fallback) {
        JsonNode node = data.path(field);
        return node.canConvertToInt() ? node.asInt() : fallback;
    }

    /** A {@code Money} field ({@code {"amount": "1250.00", "currency": "EUR"}}), or null. */
    public Money money(String field) {
        JsonNode node = data.path(field);
        if (!node.isObject() || node.path("amount").isMissingNode() || node.path("currency").isMissingNode()) {
            return null;
        }
        return new Money(new BigDecimal(node.path("amount").asText()), node.path("currency").asText());
    }
}
