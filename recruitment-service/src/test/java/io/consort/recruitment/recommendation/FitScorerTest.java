package io.consort.recruitment.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.recruitment.program.IdealProfile;
import io.consort.recruitment.program.IdealProfile.SizeCriterion;
import io.consort.recruitment.program.IdealProfile.ValueCriterion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FitScorerTest {

    static final IdealProfile PROFILE = new IdealProfile(
            new ValueCriterion(List.of("EMEA"), 40), null,
            new ValueCriterion(List.of("CLOUD_SECURITY", "NETWORK"), 30),
            new SizeCriterion(10, 500, 20), null,
            new ValueCriterion(List.of("ISO_27001"), 10));

    static ProspectFacts prospect(String id, String region, List<String> specialisations, Integer employees,
            List<String> certifications) {
        return new ProspectFacts(UUID.fromString(id), "Company " + id.substring(0, 4), region, List.of(),
                specialisations, employees, null, certifications);
    }

    static final ProspectFacts PERFECT = prospect("00000000-0000-4000-8000-000000000001", "EMEA",
            List.of("CLOUD_SECURITY", "NETWORK"), 100, List.of("ISO_27001"));
    static final ProspectFacts HALF_SPECIALISED_TOO_BIG = prospect("00000000-0000-4000-8000-000000000002", "EMEA",
            List.of("CLOUD_SECURITY", "RETAIL_POS"), 1000, List.of());
    static final ProspectFacts ELSEWHERE = prospect("00000000-0000-4000-8000-000000000003", "APAC",
            List.of("NETWORK"), 50, List.of("ISO_27001"));
    static final ProspectFacts NOTHING_KNOWN = prospect("00000000-0000-4000-8000-000000000004", null,
            List.of(), null, List.of());
    // Two with the same score: ordered by id as text, "f..." after "a...", though as signed longs it is smaller.
    static final ProspectFacts TIE_A = prospect("a0000000-0000-4000-8000-000000000005", null, List.of("NETWORK"), 10,
            List.of());
    static final ProspectFacts TIE_F = prospect("f0000000-0000-4000-8000-000000000006", null, List.of("NETWORK"), 10,
            List.of());

    @Test
    void eachCriterionGivesItsWeightTimesTheFractionMatched() {
        FitScorer scorer = FitScorer.of(PROFILE, ProspectIndex.of(List.of(HALF_SPECIALISED_TOO_BIG)));
        FitScorer.Recommendation r = scorer.top(1).get(0);
        assertEquals(55.0, r.score());
        assertEquals(List.of(
                new FitScorer.CriterionPoints("regions", 40, 40, "+40 region EMEA matches"),
                new FitScorer.CriterionPoints("specialisations", 15, 30,
                        "+15 specialisations: 1 of 2 wanted (CLOUD_SECURITY)"),
                new FitScorer.CriterionPoints("companySize", 0, 20, "+0 employee count 1000 outside 10–500"),
                new FitScorer.CriterionPoints("certifications", 0, 10, "+0 certifications: none of ISO_27001")),
                r.explanation());
    }

    @Test
    void unknownFactsScoreNothingAndSayWhy() {
        FitScorer.Recommendation r = FitScorer.of(PROFILE, ProspectIndex.of(List.of(NOTHING_KNOWN))).top(1).get(0);
        assertEquals(0.0, r.score());
        assertEquals("+0 region unknown, wanted EMEA", r.explanation().get(0).reason());
        assertEquals("+0 employee count unknown, wanted 10–500", r.explanation().get(2).reason());
    }

    @Test
    void prospectsRankByScoreThenByIdWhateverTheirLoadOrder() {
        List<ProspectFacts> all = new ArrayList<>(List.of(PERFECT, HALF_SPECIALISED_TOO_BIG, ELSEWHERE,
                NOTHING_KNOWN, TIE_A, TIE_F));
        List<UUID> expected = List.of(PERFECT.id(), HALF_SPECIALISED_TOO_BIG.id(), ELSEWHERE.id(), TIE_A.id(),
                TIE_F.id(), NOTHING_KNOWN.id());
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(all);
            List<FitScorer.Recommendation> ranked = FitScorer.of(PROFILE, ProspectIndex.of(all)).top(10);
            assertEquals(expected, ranked.stream().map(FitScorer.Recommendation::prospectId).toList());
            assertEquals(List.of(100.0, 55.0, 45.0, 35.0, 35.0, 0.0),
                    ranked.stream().map(FitScorer.Recommendation::score).toList());
        }
    }

    @Test
    void theLimitKeepsOnlyTheBest() {
        List<FitScorer.Recommendation> ranked = FitScorer.of(PROFILE,
                ProspectIndex.of(List.of(NOTHING_KNOWN, ELSEWHERE, PERFECT))).top(2);
        assertEquals(List.of(PERFECT.id(), ELSEWHERE.id()),
                ranked.stream().map(FitScorer.Recommendation::prospectId).toList());
    }

    @Test
    void fractionalPointsAreShownWithOneDecimal() {
        IdealProfile thirds = new IdealProfile(null, new ValueCriterion(List.of("A", "B", "C"), 50), null,
                null, new ValueCriterion(List.of("M10_50"), 50), null);
        ProspectFacts one = new ProspectFacts(UUID.randomUUID(), "One", null, List.of("B"), List.of(), null,
                "M10_50", List.of());
        FitScorer.Recommendation r = FitScorer.of(thirds, ProspectIndex.of(List.of(one))).top(1).get(0);
        assertEquals(66.7, r.score());
        assertEquals("+16.7 industries: 1 of 3 wanted (B)", r.explanation().get(0).reason());
        assertEquals(16.7, r.explanation().get(0).points());
        assertEquals("+50 revenue band M10_50 matches", r.explanation().get(1).reason());
    }
}
