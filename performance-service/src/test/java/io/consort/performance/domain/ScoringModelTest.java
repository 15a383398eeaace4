package io.consort.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringModelTest {

    private final ScoringModel model = new ScoringModel(List.of(
            new ScoringModel.Weighted(Kpi.WON_REVENUE, 60, new BigDecimal("100000")),
            new ScoringModel.Weighted(Kpi.MEDIAN_LEAD_RESPONSE_HOURS, 40, new BigDecimal("24"))));

    @Test
    void theDefaultIsValid() {
        assertEquals(List.of(), ScoringModel.DEFAULT.problems());
    }

    @Test
    void reachingTheTargetEarnsTheWholeWeightAndNoMore() {
        assertEquals(100, model.score(values("100000", "24")).score());
        assertEquals(100, model.score(values("250000", "1")).score());
    }

    @Test
    void belowTheTargetEarnsTheShareReached() {
        ScoringModel.Score score = model.score(values("25000", "24"));
        assertEquals(55, score.score());
        assertEquals(new BigDecimal("15.00"), score.contributions().get(0).contribution());
        assertEquals(new BigDecimal("40.00"), score.contributions().get(1).contribution());
    }

    @Test
    void whereLowerIsBetterTheTargetOverTheValueCounts() {
        assertEquals(new BigDecimal("20.00"), model.score(values("0", "48")).contributions().get(1).contribution());
    }

    @Test
    void nothingToMeasureEarnsNothing() {
        Map<Kpi, BigDecimal> none = new EnumMap<>(Kpi.class);
        none.put(Kpi.WON_REVENUE, BigDecimal.ZERO);
        none.put(Kpi.MEDIAN_LEAD_RESPONSE_HOURS, null);
        assertEquals(0, model.score(none).score());
    }

    @Test
    void halfPointsRoundUp() {
        ScoringModel m = new ScoringModel(List.of(new ScoringModel.Weighted(Kpi.DEALS_WON, 100, new BigDecimal("8"))));
        assertEquals(13, m.score(Map.of(Kpi.DEALS_WON, BigDecimal.ONE)).score()); // 12.5 → 13
    }

    @Test
    void weightsMustAddUpTo100WithoutDuplicates() {
        ScoringModel bad = new ScoringModel(List.of(
                new ScoringModel.Weighted(Kpi.DEALS_WON, 50, BigDecimal.ONE),
                new ScoringModel.Weighted(Kpi.DEALS_WON, 40, BigDecimal.ZERO)));
        List<String> problems = bad.problems();
        assertTrue(problems.contains("kpis[1].kpi: DEALS_WON appears twice"), problems.toString());
        assertTrue(problems.contains("kpis[1].target: a positive number"), problems.toString());
        assertTrue(problems.contains("kpis: weights add up to 90, not 100"), problems.toString());
    }

    private static Map<Kpi, BigDecimal> values(String revenue, String hours) {
        return Map.of(Kpi.WON_REVENUE, new BigDecimal(revenue), Kpi.MEDIAN_LEAD_RESPONSE_HOURS, new BigDecimal(hours));
    }
}
