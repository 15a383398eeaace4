package io.consort.recruitment.training;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/training/enrolments}. A partner's person enrols themselves and gives only
 * the module; a vendor-side caller enrols someone and names the partner and the person (their user id).
 */
@Schema(name = "EnrolmentRequest", example = """
        {"moduleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b"}""")
public record EnrolmentRequest(
        @NotNull UUID moduleId,
        @Schema(description = "Vendor-side callers only: the person's partner.") UUID partnerId,
        @Schema(description = "Vendor-side callers only: the person (the subject of their login).")
        @Size(min = 1, max = 255) String userId) {
}
