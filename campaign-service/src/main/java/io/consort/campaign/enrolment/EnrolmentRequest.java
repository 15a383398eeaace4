package io.consort.campaign.enrolment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enrolling in a campaign, with the partner's co-branding. */
@Schema(name = "EnrolmentRequest", description = "Enrol a partner in a campaign and co-brand it", examples = """
        {"partnerId":null,"displayName":"Nordic Cloud AB","logoUrl":"https://nordic-cloud.example/logo.png",
         "contactEmail":"sales@nordic-cloud.example"}""")
public record EnrolmentRequest(
        @Schema(format = "uuid", nullable = true, description = "the partner; a partner-side caller may leave it out (its own)")
        UUID partnerId,
        @Schema(nullable = true, maxLength = 200, description = "name in the assets; absent: the partner's name")
        @Size(max = 200) String displayName,
        @Schema(nullable = true, maxLength = 2000, description = "https URL of the partner's logo")
        @Size(max = 2000) @Pattern(regexp = "https://[^\\s\"'<>]+") String logoUrl,
        @Schema(nullable = true, maxLength = 320, format = "email", description = "contact in the assets; absent: the partner's")
        @Email @Size(max = 320) String contactEmail) {
}
