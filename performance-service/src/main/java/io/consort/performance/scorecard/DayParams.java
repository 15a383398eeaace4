package io.consort.performance.scorecard;

import io.consort.chassis.problem.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the day parameters of the scorecard, history and dashboard queries. */
public final class DayParams {

    private DayParams() {
    }

    /** {@code YYYY-MM-DD}, or an RFC 3339 date-time (its UTC day); null when absent; 400 when unreadable. */
    public static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value) : Instant.parse(value).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(name, "a date (YYYY-MM-DD) or an RFC 3339 date-time");
        }
    }

    public static void requireOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.invalidField("to", "not before from");
        }
    }
}
