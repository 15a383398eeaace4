package io.consort.chassis.paging;

import io.consort.chassis.problem.ProblemException;
import io.consort.chassis.problem.Problems;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Filter parameters of a list, parsed by hand: JAX-RS answers a query parameter it cannot convert with 404, but a
 * malformed filter is the client's mistake, a 400 problem naming the parameter. A blank value is no filter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The UUID of {@code ?name=}, or null when absent or blank. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(name, "must be a UUID");
        }
    }

    /** The constant of {@code ?name=}, or null when absent or blank; any other value is a 400 naming the choices. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw notOneOf(name, type);
        }
    }

    /** Values of a parameter that may repeat and may be comma-separated ({@code ?state=A&state=B,C}). */
    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    parsed.add(enumValue(name, part, type));
                }
            }
        }
        return parsed;
    }

    /** A {@code limit} for a list that is not paged by {@link PageRequest}'s cursor, with the same rules. */
    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return PageRequest.DEFAULT_LIMIT;
        }
        try {
            return PageRequest.of(Integer.valueOf(value.strip()), null).limit();
        } catch (NumberFormatException e) {
            throw Problems.invalidField("limit", "must be a number between 1 and " + PageRequest.MAX_LIMIT);
        }
    }

    private static <E extends Enum<E>> ProblemException notOneOf(String name, Class<E> type) {
        return Problems.invalidField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}
