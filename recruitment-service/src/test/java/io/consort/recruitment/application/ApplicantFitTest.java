package io.consort.recruitment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.program.IdealProfile;
import io.consort.recruitment.program.IdealProfile.SizeCriterion;
import io.consort.recruitment.program.IdealProfile.ValueCriterion;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.Program;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicantFitTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:30:00Z");

    /** Every criterion the profile knows, so each one's treatment is visible. */
    private static final IdealProfile FULL = new IdealProfile(
            new ValueCriterion(List.of("EMEA", "DACH"), 30),
            new ValueCriterion(List.of("MANUFACTURING"), 10),
            new ValueCriterion(List.of("CLOUD_SECURITY", "SD_WAN"), 20),
            new SizeCriterion(10, 500, 20),
            new ValueCriterion(List.of("10M_50M"), 10),
            new ValueCriterion(List.of("CCNP"), 10));

    private static Application applicant(String region) {
        return Application.submit(UUID.randomUUID(), UUID.randomUUID(),
                new Application.Applicant("Acme", "https://acme.example", "acme.example", null, "dana@acme.example",
                        region, null),
                PartnerType.RESELLER, new byte[32], NOW);
    }

    private static Program program(IdealProfile profile) {
        return new Program(UUID.randomUUID(), "Resellers", null, List.of(PartnerType.RESELLER), profile, true, "test",
                NOW);
    }

    @Test
    void aMatchingRegionScoresItsWeightAndEverythingElseIsUnknown() {
        ApplicantFit fit = ApplicantFit.of(applicant("EMEA"), program(FULL));

        assertEquals(30.0, fit.score());
        assertEquals(30, fit.assessedPoints());
        assertEquals(0, fit.profileVersion());
        assertEquals(List.of(
                new ApplicantFit.Criterion("regions", true, 30.0, 30, "+30 region EMEA matches"),
                new ApplicantFit.Criterion("industries", false, 0.0, 10, "+0 industries unknown, wanted MANUFACTURING"),
                new ApplicantFit.Criterion("specialisations", false, 0.0, 20,
                        "+0 specialisations unknown, wanted CLOUD_SECURITY, SD_WAN"),
                new ApplicantFit.Criterion("companySize", false, 0.0, 20, "+0 employee count unknown, wanted 10–500"),
                new ApplicantFit.Criterion("revenueBands", false, 0.0, 10, "+0 revenue band unknown, wanted 10M_50M"),
                new ApplicantFit.Criterion("certifications", false, 0.0, 10, "+0 certifications unknown, required CCNP")),
                fit.explanation());
    }

    @Test
    void anotherRegionIsKnownAndScoresNothing() {
        ApplicantFit fit = ApplicantFit.of(applicant("APAC"), program(FULL));

        assertEquals(0.0, fit.score());
        assertEquals(30, fit.assessedPoints());
        ApplicantFit.Criterion region = fit.explanation().get(0);
        assertTrue(region.known());
        assertEquals("+0 region APAC is not one of EMEA, DACH", region.reason());
    }

    @Test
    void anApplicationWithoutARegionTellsNothingTheProfileAsks() {
        ApplicantFit fit = ApplicantFit.of(applicant(null), program(FULL));

        assertEquals(0.0, fit.score());
        assertEquals(0, fit.assessedPoints());
        assertFalse(fit.explanation().get(0).known());
        assertEquals("+0 region unknown, wanted EMEA, DACH", fit.explanation().get(0).reason());
    }

    @Test
    void onlyTheCriteriaOfTheProfileAreExplained() {
        IdealProfile regionAndSize = new IdealProfile(new ValueCriterion(List.of("EMEA"), 60), null, null,
                new SizeCriterion(10, null, 40), null, null);
        ApplicantFit fit = ApplicantFit.of(applicant("EMEA"), program(regionAndSize));

        assertEquals(60.0, fit.score());
        assertEquals(List.of("regions", "companySize"),
                fit.explanation().stream().map(ApplicantFit.Criterion::criterion).toList());
    }

    @Test
    void aProgramWithoutAProfileHasNoFit() {
        assertNull(ApplicantFit.of(applicant("EMEA"), program(null)));
    }
}
