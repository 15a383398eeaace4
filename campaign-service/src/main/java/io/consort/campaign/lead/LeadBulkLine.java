package io.consort.campaign.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.chassis.bulk.Ndjson;
import io.consort.chassis.problem.Problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of {@code POST /api/v1/leads/bulk}: a {@link LeadRequest} with, optionally, the id a CRM knows the
 * lead by ({@code externalSystem} + {@code externalId}), which makes the line an upsert exactly like
 * {@code PUT /api/v1/leads/by-external-id/{system}/{externalId}}. The line is read as a JSON tree, the two
 * fields taken off and the rest bound and validated as the single-lead endpoints' body, so one set of field
 * rules serves both.
 */
@Schema(name = "LeadBulkLine", description = "One NDJSON line: a lead, optionally with the id a CRM knows it by "
        + "(both externalSystem and externalId, or neither)", allOf = { LeadRequest.class, LeadBulkLine.ExternalRef.class },
        examples = """
                {"externalSystem":"salesforce","externalId":"00Q5g00000AbCdE","company":"Acme Retail GmbH",
                 "contactEmail":"jana.novak@acme-retail.example","region":"EMEA","specialisation":"cloud"}""")
public record LeadBulkLine(String externalSystem, String externalId, LeadRequest lead) {

    static final String SYSTEM = "externalSystem";
    static final String ID = "externalId";
    private static final Pattern SYSTEM_PATTERN = Pattern.compile("[A-Za-z0-9_.-]{1,60}");

    /** The external reference fields of a line (documentation of the line's second half). */
    @Schema(name = "LeadExternalRef")
    public record ExternalRef(
            @Schema(nullable = true, maxLength = 60, pattern = "^[A-Za-z0-9_.-]+$",
                    description = "the system that knows the lead (with externalId)", example = "salesforce")
            String externalSystem,
            @Schema(nullable = true, minLength = 1, maxLength = 200, description = "its id there (with externalSystem)",
                    example = "00Q5g00000AbCdE") String externalId) {
    }

    /** A parsed line: the line, or why it is refused. */
    public record Parsed(LeadBulkLine line, List<FieldError> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    public boolean hasExternalId() {
        return externalSystem != null;
    }

    /** The upsert key ({@code system NUL id}), null for a line without one. */
    String key() {
        return externalSystem == null ? null : externalSystem + '\u0000' + externalId;
    }

    public static Parsed parse(ObjectMapper mapper, Validator validator, String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new Parsed(null, Ndjson.errorsOf(e));
        }
        if (!(tree instanceof ObjectNode object)) {
            return new Parsed(null, List.of(new FieldError("", "a line must be one JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        String system = text(object.remove(SYSTEM), SYSTEM, errors);
        String id = text(object.remove(ID), ID, errors);
        if (errors.isEmpty()) {
            if ((system == null) != (id == null)) {
                errors.add(new FieldError(system == null ? SYSTEM : ID, "externalSystem and externalId go together"));
            } else if (system != null && !SYSTEM_PATTERN.matcher(system).matches()) {
                errors.add(new FieldError(SYSTEM, "must be 1 to 60 of A-Z a-z 0-9 _ . -"));
            } else if (id != null && (id.isEmpty() || id.length() > 200)) {
                errors.add(new FieldError(ID, "must be 1 to 200 characters"));
            }
        }
        LeadRequest lead;
        try {
            lead = mapper.treeToValue(object, LeadRequest.class);
        } catch (JsonProcessingException e) {
            errors.addAll(Ndjson.errorsOf(e));
            return new Parsed(null, errors);
        }
        validator.validate(lead).stream()
                .sorted(Comparator.comparing((ConstraintViolation<LeadRequest> v) -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        return errors.isEmpty() ? new Parsed(new LeadBulkLine(system, id, lead), List.of()) : new Parsed(null, errors);
    }

    private static String text(JsonNode value, String field, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return value.textValue();
    }
}
