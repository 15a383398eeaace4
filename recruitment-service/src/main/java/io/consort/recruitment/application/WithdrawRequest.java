package io.consort.recruitment.application;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WithdrawRequest", description = "The applicant's token; vendor-side callers withdraw without one",
        example = """
        {"withdrawToken": "q0V3n8c2JXo1v7mS4dQ9b6tH5kW8yZ2aL1pR3uE7fGc"}""")
public record WithdrawRequest(@Size(max = 100) String withdrawToken) {
}
