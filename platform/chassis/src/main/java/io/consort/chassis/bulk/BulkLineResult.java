package io.consort.chassis.bulk;

import io.consort.chassis.problem.Problem.FieldError;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a bulk answer (api.md): what became of input line {@code line}. */
@Schema(name = "BulkLineResult", example = """
        {"line": 7, "status": "FAILED", "id": null, "errors": [{"field": "region", "message": "must be an UPPER_SNAKE code of at most 40 characters"}]}""")
public record BulkLineResult(
        @Schema(description = "The input line's number, from 1", minimum = "1", example = "7") int line,
        @Schema(enumeration = { "CREATED", "UPDATED", "FAILED" }, example = "FAILED") String status,
        @Schema(description = "The stored item; null when the line failed", nullable = true,
                example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID id,
        @Schema(description = "Why the line failed; empty otherwise") List<FieldError> errors) {

    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String FAILED = "FAILED";

    public static BulkLineResult stored(int line, boolean created, UUID id) {
        return new BulkLineResult(line, created ? CREATED : UPDATED, id, List.of());
    }

    public static BulkLineResult failed(int line, List<FieldError> errors) {
        return new BulkLineResult(line, FAILED, null, errors);
    }

    public static BulkLineResult failed(int line, String field, String message) {
        return failed(line, List.of(new FieldError(field, message)));
    }
}
