package io.consort.recruitment.application;

import io.consort.recruitment.program.IdealProfile;
import io.consort.recruitment.program.IdealProfile.ValueCriterion;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.recommendation.FitScorer;
import io.consort.recruitment.recommendation.ProspectFacts;
import io.consort.recruitment.recommendation.ProspectIndex;
import java.util.List;

/**
 * How well an applicant fits the program's ideal profile, scored by the same {@link FitScorer} that
 * ranks prospects. An application tells only the region (its partner type is always one the program
 * recruits, and the profile has no criterion for it), so every other criterion is unknown: it scores
 * nothing and says so, and {@code assessedPoints} is what the application could have scored at best.
 */
public record ApplicantFit(double score, int assessedPoints, List<Criterion> explanation, long profileVersion) {

    /** One criterion of the profile: {@code known} is false when the application cannot tell. */
    public record Criterion(String criterion, boolean known, double points, int maxPoints, String reason) {
    }

    /** The fit of {@code application} with {@code program}'s profile; null when the program has none. */
    static ApplicantFit of(Application application, Program program) {
        IdealProfile profile = program.idealProfile();
        if (profile == null) {
            return null;
        }
        ProspectFacts facts = new ProspectFacts(application.id(), application.companyName(), application.region(),
                List.of(), List.of(), null, null, List.of());
        FitScorer.Recommendation scored = FitScorer.of(profile, ProspectIndex.of(List.of(facts))).top(1).get(0);
        List<Criterion> explanation = scored.explanation().stream()
                .map(c -> criterion(c, application, profile))
                .toList();
        int assessed = explanation.stream().filter(Criterion::known).mapToInt(Criterion::maxPoints).sum();
        return new ApplicantFit(scored.score(), assessed, explanation, program.version());
    }

    private static Criterion criterion(FitScorer.CriterionPoints c, Application application, IdealProfile profile) {
        return switch (c.criterion()) {
            case "regions" -> new Criterion(c.criterion(), application.region() != null, c.points(), c.maxPoints(),
                    c.reason());
            // The scorer reads an absent list as "has none of them"; for an applicant it is "did not say".
            case "industries" -> unknownList(c, "wanted", profile.industries());
            case "specialisations" -> unknownList(c, "wanted", profile.specialisations());
            case "certifications" -> unknownList(c, "required", profile.certifications());
            // Employee count and revenue band absent already read "unknown, wanted ...".
            default -> new Criterion(c.criterion(), false, c.points(), c.maxPoints(), c.reason());
        };
    }

    private static Criterion unknownList(FitScorer.CriterionPoints c, String verb, ValueCriterion wanted) {
        return new Criterion(c.criterion(), false, c.points(), c.maxPoints(),
                "+0 " + c.criterion() + " unknown, " + verb + " " + String.join(", ", wanted.values()));
    }
}
