package io.consort.chassis.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every error answer ({@code application/problem+json}).
 * {@code errors} is only present for validation failures, {@code correlationId} only on 500s (it lets
 * support find the stack trace in the server log without the client ever seeing it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input: {@code field} is a JSON path such as {@code idealProfile.regions[0]}. */
    @Schema(example = """
            {"field": "contactEmail", "message": "must be a well-formed email address"}""")
    public record FieldError(String field, String message) {
    }

    public Problem withInstance(String newInstance) {
        return new Problem(type, title, status, detail, newInstance, errors, correlationId);
    }
}
