package io.consort.recruitment.application;

import io.consort.recruitment.program.PartnerType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of the public {@code POST /api/v1/applications}. */
@Schema(name = "ApplicationRequest", example = """
        {"programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d", "companyName": "Acme Networks GmbH",
         "website": "https://acme-networks.example", "contactName": "Dana Reyes",
         "contactEmail": "dana.reyes@acme-networks.example", "region": "EMEA", "partnerType": "RESELLER",
         "message": "We resell network security to mid-sized manufacturers."}""")
public record ApplicationRequest(
        @NotNull UUID programId,
        @NotBlank @Size(max = 200) String companyName,
        @NotBlank @Size(max = 500) @CompanyWebsite String website,
        @Size(max = 200) String contactName,
        // Bean Validation's own @Email accepts "a@b"; an applicant we must write back to needs a real domain.
        @NotBlank @Size(max = 320) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}",
                message = "must be an email address we can write to") String contactEmail,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be an UPPER_SNAKE region code such as EMEA") String region,
        PartnerType partnerType,
        @Size(max = 4000) String message) {
}
