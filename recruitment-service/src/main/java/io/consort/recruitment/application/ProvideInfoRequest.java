package io.consort.recruitment.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProvideInfoRequest", description = "The applicant's answer to the open question, with its withdraw "
        + "token; vendor-side callers answer on the applicant's behalf without one", example = """
        {"answer": "Fortinet and Palo Alto, in Germany and Austria.",
         "withdrawToken": "q0V3n8c2JXo1v7mS4dQ9b6tH5kW8yZ2aL1pR3uE7fGc"}""")
public record ProvideInfoRequest(
        @Schema(example = "Fortinet and Palo Alto, in Germany and Austria.") @NotBlank @Size(max = 4000) String answer,
        @Schema(description = "The token the application's receipt carried",
                example = "q0V3n8c2JXo1v7mS4dQ9b6tH5kW8yZ2aL1pR3uE7fGc") @Size(max = 100) String withdrawToken) {
}
