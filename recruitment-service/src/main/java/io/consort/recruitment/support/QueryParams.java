package io.consort.recruitment.support;

import io.consort.chassis.paging.PageRequest;
import io.consort.chassis.problem.Problems;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses filter parameters by hand: JAX-RS answers a query parameter it cannot convert with 404, but a
 * malformed filter is the client's mistake, a 400 naming the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

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

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
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
}
