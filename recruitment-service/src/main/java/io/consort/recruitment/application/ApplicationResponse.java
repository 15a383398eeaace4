package io.consort.recruitment.application;

import io.consort.recruitment.program.PartnerType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as reviewers see it. */
@Schema(name = "Application", example = """
        {"id": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d",
         "companyName": "Acme Networks GmbH", "website": "https://acme-networks.example",
         "domain": "acme-networks.example", "contactName": "Dana Reyes",
         "contactEmail": "dana.reyes@acme-networks.example", "region": "EMEA", "partnerType": "RESELLER",
         "message": "We resell network security.", "state": "APPROVED", "decisionReason": null,
         "decidedBy": "manager", "decidedAt": "2026-01-06T10:00:00Z",
         "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "version": 1,
         "submittedAt": "2026-01-05T09:30:00Z", "updatedAt": "2026-01-06T10:00:00Z"}""")
public record ApplicationResponse(UUID id, UUID programId, String companyName, String website, String domain,
        String contactName, String contactEmail, String region, PartnerType partnerType, String message,
        ApplicationState state, String decisionReason, String decidedBy, Instant decidedAt, UUID partnerId,
        long version, Instant submittedAt, Instant updatedAt) {

    static ApplicationResponse from(Application a) {
        return new ApplicationResponse(a.id(), a.programId(), a.companyName(), a.website(), a.domain(),
                a.contactName(), a.contactEmail(), a.region(), a.partnerType(), a.message(), a.state(),
                a.decisionReason(), a.decidedBy(), a.decidedAt(), a.partnerId(), a.version(), a.submittedAt(),
                a.updatedAt());
    }
}
