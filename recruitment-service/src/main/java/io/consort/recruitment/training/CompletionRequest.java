package io.consort.recruitment.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/training/completions}: an attempt's score, for an enrolment, or for a
 * module (the person is enrolled on the way if they were not). Vendor-side callers recording by module
 * name the partner and the person; partner-side callers record their own attempts.
 */
@Schema(name = "CompletionRequest", example = """
        {"moduleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b", "score": 86}""")
public record CompletionRequest(
        @Schema(description = "The enrolment; give this or moduleId.") UUID enrolmentId,
        @Schema(description = "The module; give this or enrolmentId.") UUID moduleId,
        @NotNull @Min(0) @Max(100) Integer score,
        @Schema(description = "With moduleId, vendor-side callers only: the person's partner.") UUID partnerId,
        @Schema(description = "With moduleId, vendor-side callers only: the person.")
        @Size(min = 1, max = 255) String userId) {
}
