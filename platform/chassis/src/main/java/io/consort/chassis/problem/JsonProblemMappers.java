package io.consort.chassis.problem;

import static io.consort.chassis.problem.ProblemMappers.REQUEST_ID_HEADER;
import static io.consort.chassis.problem.ProblemMappers.internal;
import static io.consort.chassis.problem.ProblemMappers.path;
import static io.consort.chassis.problem.ProblemMappers.toResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.consort.contracts.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Jackson failures reading a JSON body: malformed JSON (400 {@code bad-request} with line and column), an
 * unknown field, a wrong type or enum value (400 {@code validation} naming the field). Part of the chassis'
 * problem mapping (see {@link ProblemMappers}).
 */
public class JsonProblemMappers {

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return fieldProblem(field, "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        } else {
            message = "must be " + describe(target);
        }
        return fieldProblem(field, message, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return ProblemResponses.of(ProblemType.BAD_REQUEST, "The request body is not the expected JSON "
                    + describe(e.getTargetType()), path(uri));
        }
        return fieldProblem(field, "must be " + describe(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : "is invalid";
        return field.isEmpty() ? ProblemResponses.of(ProblemType.BAD_REQUEST, reason, path(uri))
                : fieldProblem(field, reason, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(StreamReadException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        // Bytes the parser could not read (not UTF-8, say) while binding a field: the body is malformed, not the field.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException unreadable) {
                return malformed(unreadable, uri);
            }
        }
        if (e instanceof JsonMappingException m && !jsonPath(m).isEmpty()) {
            return fieldProblem(jsonPath(m), "is invalid", uri);
        }
        return malformed(e, uri);
    }

    Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(u, uri);
        }
        if (e instanceof InvalidFormatException i) {
            return invalidFormat(i, uri);
        }
        if (e instanceof ValueInstantiationException v) {
            return valueInstantiation(v, uri);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (e instanceof StreamReadException r) {
            return malformed(r, uri);
        }
        return otherJson(e, uri);
    }

    private Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")
                ? "The request body is not UTF-8, which JSON must be (RFC 8259),"
                : "The request body is not well-formed JSON";
        return ProblemResponses.of(ProblemType.BAD_REQUEST, what + where, path(uri));
    }

    private Response fieldProblem(String field, String message, UriInfo uri) {
        String name = field.isEmpty() ? "body" : field;
        return ProblemResponses.of(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                name + ": " + message, null, List.of(new Problem.FieldError(name, message)), null), path(uri));
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 timestamp";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
