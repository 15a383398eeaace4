package io.consort.chassis.problem;

import io.consort.contracts.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client-facing failure; the chassis answers it with its {@link Problem} as
 * {@code application/problem+json}. Create them through {@link Problems}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail) {
        this(type, type.title(), detail, null, Map.of());
    }

    public ProblemException(ProblemType type, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        // No stack trace capture: these are expected outcomes, thrown often (404s), never logged as errors.
        super(detail, null, false, false);
        this.type = type;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body, without {@code instance} (the mapper adds the request path). */
    public Problem toProblem() {
        return new Problem(type.uri(), title, type.status(), getMessage(), null, errors, null);
    }
}
