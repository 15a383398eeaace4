package io.consort.recruitment.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the vendor suspends or terminates a partner; kept on the partner and carried by the event. */
@Schema(name = "PartnerReasonRequest", example = """
        {"reason": "Overdue compliance training"}""")
public record ReasonRequest(
        @Schema(example = "Overdue compliance training") @NotBlank @Size(max = 2000) String reason) {
}
