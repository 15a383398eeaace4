package io.consort.campaign.lead;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead as the vendor or an integrator hands it in. */
@Schema(name = "LeadRequest", description = "A lead to route to a partner", examples = """
        {"company":"Acme Retail GmbH","contactName":"Jana Novak","contactEmail":"jana.novak@acme-retail.example",
         "contactPhone":"+49 30 1234567","region":"EMEA","specialisation":"cloud",
         "need":"Migrating 40 stores' POS to the cloud in Q1","campaignId":null}""")
public record LeadRequest(
        @Schema(required = true, maxLength = 300) @NotBlank @Size(max = 300) String company,
        @Schema(maxLength = 200, nullable = true) @Size(max = 200) String contactName,
        @Schema(maxLength = 320, format = "email", nullable = true) @Email @Size(max = 320) String contactEmail,
        @Schema(maxLength = 50, nullable = true) @Size(max = 50) @Pattern(regexp = "[+0-9 ()./-]*") String contactPhone,
        @Schema(maxLength = 60, nullable = true, description = "the prospect's region; routing matches partners on it")
        @Size(max = 60) String region,
        @Schema(maxLength = 100, nullable = true, description = "what expertise the prospect needs; routing matches it")
        @Size(max = 100) String specialisation,
        @Schema(maxLength = 2000, nullable = true) @Size(max = 2000) String need,
        @Schema(format = "uuid", nullable = true, description = "the campaign it answers") UUID campaignId) {
}
