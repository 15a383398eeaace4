package io.consort.campaign.tracking;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a prospect fills in on a campaign's landing page. */
@Schema(name = "LeadForm", description = "A campaign response form", examples = """
        {"company":"Acme Retail GmbH","contactName":"Jana Novak","email":"jana.novak@acme-retail.example",
         "phone":"+49 30 1234567","region":"EMEA","specialisation":"cloud","need":"POS to the cloud",
         "consent":true,"ref":"q3ZJ9kq0TGe1bYcJ2w4xVg"}""")
public record FormRequest(
        @Schema(required = true, maxLength = 300) @NotBlank @Size(max = 300) String company,
        @Schema(required = true, maxLength = 200) @NotBlank @Size(max = 200) String contactName,
        @Schema(required = true, maxLength = 320, format = "email") @NotBlank @Email @Size(max = 320) String email,
        @Schema(nullable = true, maxLength = 50) @Size(max = 50) @Pattern(regexp = "[+0-9 ()./-]*") String phone,
        @Schema(nullable = true, maxLength = 60) @Size(max = 60) String region,
        @Schema(nullable = true, maxLength = 100) @Size(max = 100) String specialisation,
        @Schema(nullable = true, maxLength = 2000) @Size(max = 2000) String need,
        @Schema(required = true, description = "the prospect agreed to be contacted") @NotNull @AssertTrue Boolean consent,
        @Schema(nullable = true, maxLength = 40, description = "the ref the partner's tracked link added to the landing page URL")
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]*") String ref) {
}
