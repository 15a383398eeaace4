package io.consort.recruitment.application;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an anonymous applicant gets back: enough to refer to the application and to withdraw it, none
 * of the vendor's review data.
 */
@Schema(name = "ApplicationReceipt", example = """
        {"id": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d",
         "state": "SUBMITTED", "submittedAt": "2026-01-05T09:30:00Z",
         "withdrawToken": "q0V3n8c2JXo1v7mS4dQ9b6tH5kW8yZ2aL1pR3uE7fGc"}""")
public record ApplicationReceipt(UUID id, UUID programId, ApplicationState state, Instant submittedAt,
        @Schema(nullable = true, description = "Shown once; send it to /withdraw to take the application "
                + "back") String withdrawToken) {

    static ApplicationReceipt from(Application application, String withdrawToken) {
        return new ApplicationReceipt(application.id(), application.programId(), application.state(),
                application.submittedAt(), withdrawToken);
    }
}
