package io.consort.recruitment.application;

import io.consort.recruitment.partner.PartnerState;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@link VettingSignals} as the API shows them. */
@Schema(name = "Vetting", description = """
        Signals for the reviewer, computed when the application is read; nothing is approved or rejected on \
        them.""", example = """
        {"emailDomain": "gmail.com", "freeMailDomain": true, "domainMismatch": true,
         "duplicatePartner": {"partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "name": "Acme Networks GmbH",
                              "state": "ACTIVE"},
         "duplicateApplications": ["9b2f1c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d"],
         "fitScore": 60.0, "fitAssessedPoints": 60, "profileVersion": 2,
         "fitExplanation": [
           {"criterion": "regions", "known": true, "points": 60.0, "maxPoints": 60,
            "reason": "+60 region EMEA matches"},
           {"criterion": "companySize", "known": false, "points": 0.0, "maxPoints": 40,
            "reason": "+0 employee count unknown, wanted 10–500"}]}""")
public record VettingResponse(
        @Schema(description = "The domain of the contact email", example = "gmail.com")
        String emailDomain,
        @Schema(description = "The contact email is at a provider anyone can sign up for (gmail.com, outlook.com, "
                + "yahoo.*, gmx.*, web.de, mail.ru, qq.com, ...)", example = "true")
        boolean freeMailDomain,
        @Schema(description = "The contact email's domain is neither the website's domain nor inside it "
                + "(eu.acme.example counts as acme.example)", example = "true")
        boolean domainMismatch,
        @Schema(nullable = true, description = "The oldest existing partner with the website's domain, other than the "
                + "one this "
                + "application created; null when there is none")
        DuplicatePartner duplicatePartner,
        @Schema(description = "Other open (SUBMITTED, IN_REVIEW, INFO_REQUESTED) applications with the website's "
                + "domain, oldest first, at most 20", example = "[\"9b2f1c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d\"]")
        List<UUID> duplicateApplications,
        @Schema(nullable = true, description = "Fit with the program's ideal profile, 0–100, by the scorer of the "
                + "partner-fit "
                + "recommendations; null when the program has no ideal profile", example = "60.0")
        Double fitScore,
        @Schema(nullable = true, description = "The points of the criteria an application can tell (only its region): "
                + "the best "
                + "fitScore it could have; null without an ideal profile", example = "60")
        Integer fitAssessedPoints,
        @Schema(description = "Each criterion of the profile, its points and why; criteria an application cannot "
                + "tell are known=false and score nothing")
        List<FitCriterion> fitExplanation,
        @Schema(nullable = true, description = "The version of the program the profile was read from; null without a "
                + "profile",
                example = "2")
        Long profileVersion) {

    @Schema(name = "DuplicatePartner", example = """
            {"partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "name": "Acme Networks GmbH", "state": "ACTIVE"}""")
    public record DuplicatePartner(
            @Schema(example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID partnerId,
            @Schema(example = "Acme Networks GmbH") String name,
            @Schema(example = "ACTIVE") PartnerState state) {
    }

    @Schema(name = "FitCriterion", example = """
            {"criterion": "regions", "known": true, "points": 60.0, "maxPoints": 60,
             "reason": "+60 region EMEA matches"}""")
    public record FitCriterion(
            @Schema(example = "regions") String criterion,
            @Schema(description = "Whether the application tells this criterion", example = "true") boolean known,
            @Schema(example = "60.0") double points,
            @Schema(example = "60") int maxPoints,
            @Schema(example = "+60 region EMEA matches") String reason) {
    }

    static VettingResponse from(VettingSignals s) {
        ApplicantFit fit = s.fit();
        return new VettingResponse(s.emailDomain(), s.freeMailDomain(), s.domainMismatch(),
                s.duplicatePartner() == null ? null : new DuplicatePartner(s.duplicatePartner().partnerId(),
                        s.duplicatePartner().name(), s.duplicatePartner().state()),
                s.duplicateApplications(),
                fit == null ? null : fit.score(),
                fit == null ? null : fit.assessedPoints(),
                fit == null ? List.of() : fit.explanation().stream().map(c -> new FitCriterion(c.criterion(),
                        c.known(), c.points(), c.maxPoints(), c.reason())).toList(),
                fit == null ? null : fit.profileVersion());
    }
}
