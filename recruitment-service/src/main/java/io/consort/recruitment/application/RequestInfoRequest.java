package io.consort.recruitment.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RequestInfoRequest", example = """
        {"question": "Which vendors' products do you resell today, and in which countries?"}""")
public record RequestInfoRequest(
        @Schema(description = "What the applicant is asked", example = "Which vendors do you resell today?")
        @NotBlank @Size(max = 2000) String question) {
}
