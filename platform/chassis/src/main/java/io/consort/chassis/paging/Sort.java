package io.consort.chassis.paging;

import io.consort.chassis.problem.Problems;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ?sort=} of a list endpoint (api.md): one whitelisted field, {@code -} in front for descending,
 * e.g. {@code sort=-updatedAt}. The id breaks ties in the same direction, so the order is total and a
 * keyset cursor can continue it; a cursor remembers the sort it was made for and is refused with another.
 *
 * <pre>{@code
 * static final Sort.Fields SORTS = Sort.fields("createdAt", "name", "updatedAt");   // API name = entity property
 * Sort sort = SORTS.parse(rawSort);                       // 400 problem naming "sort" when not allowed
 * KeysetQuery.of(Partner.class).sort(sort).fetch(page, p -> p.createdAt, p -> p.id);
 * }</pre>
 * Only non-null properties can be sort keys (a keyset over nulls has no order to continue).
 */
public record Sort(String field, String property, boolean descending) {

    public static final String PARAMETER = "sort";

    /** The default order of every list: oldest first. */
    public static final Sort OLDEST_FIRST = new Sort("createdAt", "createdAt", false);

    /** The value as a client writes it: {@code name} or {@code -name}. */
    public String spec() {
        return (descending ? "-" : "") + field;
    }

    boolean isDefault() {
        return !descending && property.equals(OLDEST_FIRST.property);
    }

    public static Fields fields(String... apiNames) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : apiNames) {
            map.put(name, name);
        }
        return new Fields(map);
    }

    /** The fields a list may be sorted by: API name to entity property. */
    public record Fields(Map<String, String> properties) {

        public Fields {
            if (properties.isEmpty()) {
                throw new IllegalArgumentException("a sortable list needs at least one field");
            }
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        /** Adds an API name whose entity property is named differently. */
        public Fields with(String apiName, String property) {
            Map<String, String> map = new LinkedHashMap<>(properties);
            map.put(apiName, property);
            return new Fields(map);
        }

        /** The client's {@code sort} (null or blank: oldest first, by {@code createdAt}). */
        public Sort parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return OLDEST_FIRST;
            }
            String value = raw.strip();
            boolean descending = value.startsWith("-");
            String name = descending ? value.substring(1) : value;
            String property = properties.get(name);
            if (property == null) {
                throw Problems.invalidField(PARAMETER, "must be one of " + String.join(", ", properties.keySet())
                        + ", each optionally prefixed with - for descending order");
            }
            return new Sort(name, property, descending);
        }
    }
}
