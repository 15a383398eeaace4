package io.consort.campaign.deal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConflictCheckRequest", description = "What a registration would claim, to check before submitting.",
        examples = "{\"customerDomain\": \"example.com\", \"products\": [\"ANALYTICS-PRO\"]}")
public record ConflictCheckRequest(
        @Schema(format = "uuid", nullable = true, description = "The partner that would register; partner-side callers "
                + "may omit it") UUID partnerId,
        @Schema(required = true, maxLength = 300) @NotBlank @Size(max = 300) String customerDomain,
        @Schema(required = true, minItems = 1, maxItems = 20) @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> products) {
}
