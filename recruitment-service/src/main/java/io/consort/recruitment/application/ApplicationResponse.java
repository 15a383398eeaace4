package io.consort.recruitment.application;

import io.consort.recruitment.program.PartnerType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as reviewers see it, with the vetting signals of the moment it is read. */
@Schema(name = "Application", example = """
        {"id": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d",
         "companyName": "Acme Networks GmbH", "website": "https://acme-networks.example",
         "domain": "acme-networks.example", "contactName": "Dana Reyes",
         "contactEmail": "dana.reyes@acme-networks.example", "region": "EMEA", "partnerType": "RESELLER",
         "message": "We resell network security.", "state": "IN_REVIEW", "decisionReason": null,
         "decidedBy": null, "decidedAt": null, "partnerId": null, "version": 3,
         "submittedAt": "2026-01-05T09:30:00Z", "updatedAt": "2026-01-07T14:00:00Z",
         "infoRequests": [{"question": "Which vendors do you resell today?", "askedBy": "manager",
                           "askedAt": "2026-01-06T10:00:00Z", "answer": "Fortinet and Palo Alto.",
                           "answeredBy": "applicant", "answeredAt": "2026-01-07T14:00:00Z"}],
         "vetting": {"emailDomain": "acme-networks.example", "freeMailDomain": false, "domainMismatch": false,
                     "duplicatePartner": null, "duplicateApplications": [],
                     "fitScore": 60.0, "fitAssessedPoints": 60, "profileVersion": 2,
                     "fitExplanation": [
                       {"criterion": "regions", "known": true, "points": 60.0, "maxPoints": 60,
                        "reason": "+60 region EMEA matches"},
                       {"criterion": "companySize", "known": false, "points": 0.0, "maxPoints": 40,
                        "reason": "+0 employee count unknown, wanted 10–500"}]}}""")
public record ApplicationResponse(UUID id, UUID programId, String companyName, String website, String domain,
        @Schema(nullable = true) String contactName, String contactEmail, @Schema(nullable = true) String region,
                PartnerType partnerType, @Schema(nullable = true) String message,
        ApplicationState state, @Schema(nullable = true) String decisionReason,
                @Schema(nullable = true) String decidedBy, @Schema(nullable = true) Instant decidedAt,
                @Schema(nullable = true) UUID partnerId,
        long version, Instant submittedAt, Instant updatedAt,
        @Schema(description = "What reviewers asked the applicant and the answers, oldest first")
        List<InfoRequestItem> infoRequests,
        VettingResponse vetting) {

    @Schema(name = "InfoRequest", example = """
            {"question": "Which vendors do you resell today?", "askedBy": "manager",
             "askedAt": "2026-01-06T10:00:00Z", "answer": null, "answeredBy": null, "answeredAt": null}""")
    public record InfoRequestItem(
            @Schema(example = "Which vendors do you resell today?") String question,
            @Schema(example = "manager") String askedBy,
            @Schema(example = "2026-01-06T10:00:00Z") Instant askedAt,
            @Schema(nullable = true, description = "Null until the applicant answers",
                    example = "Fortinet and Palo Alto.") String answer,
            @Schema(nullable = true, description = "\"applicant\" (with the withdraw token) or who answered on their "
                    + "behalf",
                    example = "applicant") String answeredBy,
            @Schema(nullable = true, example = "2026-01-07T14:00:00Z") Instant answeredAt) {
    }

    static ApplicationResponse from(Application a, VettingSignals vetting) {
        return new ApplicationResponse(a.id(), a.programId(), a.companyName(), a.website(), a.domain(),
                a.contactName(), a.contactEmail(), a.region(), a.partnerType(), a.message(), a.state(),
                a.decisionReason(), a.decidedBy(), a.decidedAt(), a.partnerId(), a.version(), a.submittedAt(),
                a.updatedAt(),
                a.infoRequests().stream().map(r -> new InfoRequestItem(r.question(), r.askedBy(), r.askedAt(),
                        r.answer(), r.answeredBy(), r.answeredAt())).toList(),
                VettingResponse.from(vetting));
    }
}
