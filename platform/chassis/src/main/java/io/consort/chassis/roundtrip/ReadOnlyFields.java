package io.consort.chassis.roundtrip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read-only fields {@link RoundTripFilter} took out of this request's body, for the checks only the
 * service can make (e.g. that the {@code id} of a by-external-id PUT names the partner that id is known by).
 */
@RequestScoped
public class ReadOnlyFields {

    private Map<String, JsonNode> values = Map.of();

    void set(Map<String, JsonNode> taken) {
        values = Map.copyOf(taken);
    }

    /** The field's text, empty when the body did not carry it (or carried null). */
    public Optional<String> text(String field) {
        JsonNode node = values.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    /**
     * Refuses (400 {@code validation} naming each) the read-only fields whose value differs from the resource's
     * current representation, as a GET would answer it: sent back unchanged they are accepted, changed they
     * contradict the resource. {@code version} is left to the precondition it became, and a copy of an older
     * version is not compared at all (its precondition fails with 412).
     */
    public void requireMatch(Object currentRepresentation, ObjectMapper mapper) {
        JsonNode current = mapper.valueToTree(currentRepresentation);
        JsonNode version = values.get(RoundTripFilter.VERSION);
        if (version != null && current.has(RoundTripFilter.VERSION) && !same(version,
                current.get(RoundTripFilter.VERSION))) {
            return; // a stale copy: the precondition its version became answers 412, whatever else changed since
        }
        List<FieldError> errors = new ArrayList<>();
        values.forEach((field, sent) -> {
            JsonNode now = current.path(field);
            if (!field.equals(RoundTripFilter.VERSION) && !now.isMissingNode() && !same(sent, now)) {
                errors.add(new FieldError(field, "is read-only and differs from the current value"));
            }
        });
        if (!errors.isEmpty()) {
            throw Problems.invalid("read-only fields contradict the resource", errors);
        }
    }

    private static boolean same(JsonNode sent, JsonNode now) {
        return sent.isNumber() && now.isNumber() ? sent.decimalValue().compareTo(now.decimalValue()) == 0
                : sent.equals(now);
    }

    /** The field as sent, empty when the body did not carry it. */
    public Optional<JsonNode> get(String field) {
        return Optional.ofNullable(values.get(field));
    }
}
