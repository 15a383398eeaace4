package io.consort.chassis.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error answer ({@code application/problem+json}).
 * {@code errors} is only present for validation failures. {@code requestId} is the request's id (the
 * gateway's {@code X-Request-Id}, or one the service made): on every problem the service answers, so
 * support finds the request's log lines (and a 500's stack trace) without the client ever seeing them.
 * The same name the gateway uses in its own problems. The OpenAPI schema of this record is written by
 * {@code io.consort.chassis.openapi.ConsortOpenApiFilter} (a test keeps the two in step).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: {@code field} is a JSON path such as {@code idealProfile.regions[0]}. */
    @Schema(name = "ProblemFieldError", example = """
            {"field": "contactEmail", "message": "must be a well-formed email address"}""")
    public record FieldError(String field, String message) {
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, errors, requestId);
    }
}
