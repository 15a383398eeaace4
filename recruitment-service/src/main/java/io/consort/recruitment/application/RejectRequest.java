package io.consort.recruitment.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RejectRequest", example = """
        {"reason": "We already have three resellers in this region."}""")
public record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
}
