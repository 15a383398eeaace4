package io.consort.campaign.support;

import io.consort.chassis.problem.Problems;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Filter parameters parsed by hand: JAX-RS answers a query parameter it cannot convert with 404, but a
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

    /** Values of a parameter that may repeat and may be comma-separated ({@code ?state=A&state=B,C}). */
    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values == null) {
            return parsed;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(Enum.valueOf(type, part.strip()));
                } catch (IllegalArgumentException e) {
                    throw Problems.invalidField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                            .map(Enum::name).collect(Collectors.joining(", ")));
                }
            }
        }
        return parsed;
    }
}
