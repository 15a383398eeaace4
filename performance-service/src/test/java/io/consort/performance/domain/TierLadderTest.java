package io.consort.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierLadderTest {

    private final TierLadder ladder = new TierLadder(List.of(
            new TierLadder.Rung("REGISTERED", 0, 0, null, null),
            new TierLadder.Rung("SILVER", 1, 40, null, null),
            new TierLadder.Rung("GOLD", 2, 80, 2, null),
            new TierLadder.Rung("PLATINUM", 3, 90, 2, new BigDecimal("1000000"))), 30);

    @Test
    void theDefaultLadderIsValidAndStartsAtRegistered() {
        assertEquals(List.of(), TierLadder.DEFAULT.problems());
        assertEquals("REGISTERED", TierLadder.DEFAULT.entry().name());
        assertEquals(0, TierLadder.DEFAULT.entry().rank());
    }

    @Test
    void eligibilityIsTheHighestTierWhoseEveryConditionIsMetAndExplainsItself() {
        TierLadder.Eligibility gold = ladder.eligibility(92, 2, new BigDecimal("640000"), "EUR");
        assertEquals("GOLD", gold.tier().name());
        assertEquals("GOLD because score 92 ≥ 80 and 2 certified people ≥ 2", gold.because());
        assertEquals("PLATINUM needs revenue ≥ 1000000 EUR, has 640000 EUR", gold.next());
    }

    @Test
    void thresholdsAreInclusive() {
        assertEquals("GOLD", ladder.eligibility(80, 2, BigDecimal.ZERO, "EUR").tier().name());
        assertEquals("SILVER", ladder.eligibility(79, 2, BigDecimal.ZERO, "EUR").tier().name());
        assertEquals("PLATINUM", ladder.eligibility(90, 2, new BigDecimal("1000000"), "EUR").tier().name());
    }

    @Test
    void aMissingHardRequirementHoldsAPartnerBackWhateverItsScore() {
        TierLadder.Eligibility e = ladder.eligibility(100, 1, new BigDecimal("5000000"), "EUR");
        assertEquals("SILVER", e.tier().name());
        assertEquals("GOLD needs 2 certified people, has 1", e.next());
    }

    @Test
    void theTopTierHasNoNext() {
        assertNull(ladder.eligibility(100, 5, new BigDecimal("2000000"), "EUR").next());
    }

    @Test
    void anUpgradeIsImmediate() {
        TierAssignment a = new TierAssignment(ladder.entry(), 30);
        assertEquals("GOLD", a.next(LocalDate.parse("2026-11-01"), ladder.byName("GOLD")).name());
        assertNull(a.downgradeDueOn());
    }

    @Test
    void aDowngradeWaitsForTheWholeGracePeriod() {
        TierAssignment a = new TierAssignment(ladder.entry(), 30);
        LocalDate start = LocalDate.parse("2026-11-01");
        a.next(start, ladder.byName("GOLD"));
        LocalDate below = start.plusDays(1);
        for (int d = 0; d < 30; d++) {
            assertEquals("GOLD", a.next(below.plusDays(d), ladder.byName("SILVER")).name(), "day " + d);
            assertEquals(below.plusDays(30), a.downgradeDueOn());
        }
        assertEquals("SILVER", a.next(below.plusDays(30), ladder.byName("SILVER")).name());
        assertNull(a.downgradeDueOn());
    }

    @Test
    void recoveryInTheGracePeriodCancelsTheDowngrade() {
        TierAssignment a = new TierAssignment(ladder.entry(), 30);
        LocalDate start = LocalDate.parse("2026-11-01");
        a.next(start, ladder.byName("GOLD"));
        a.next(start.plusDays(1), ladder.byName("SILVER"));
        a.next(start.plusDays(29), ladder.byName("GOLD"));
        assertNull(a.downgradeDueOn());
        // a new dip starts a new grace period
        assertEquals("GOLD", a.next(start.plusDays(31), ladder.byName("REGISTERED")).name());
        assertEquals(start.plusDays(61), a.downgradeDueOn());
    }

    @Test
    void aDowngradeLandsOnWhatThePartnerIsEligibleForThatDay() {
        TierAssignment a = new TierAssignment(ladder.entry(), 2);
        LocalDate start = LocalDate.parse("2026-11-01");
        a.next(start, ladder.byName("PLATINUM"));
        a.next(start.plusDays(1), ladder.byName("REGISTERED"));
        a.next(start.plusDays(2), ladder.byName("GOLD"));
        assertEquals("GOLD", a.next(start.plusDays(3), ladder.byName("GOLD")).name());
    }

    @Test
    void withoutGraceADowngradeIsImmediate() {
        TierAssignment a = new TierAssignment(ladder.entry(), 0);
        a.next(LocalDate.parse("2026-11-01"), ladder.byName("GOLD"));
        assertEquals("SILVER", a.next(LocalDate.parse("2026-11-02"), ladder.byName("SILVER")).name());
    }

    @Test
    void anInvalidLadderSaysWhy() {
        TierLadder bad = new TierLadder(List.of(new TierLadder.Rung("REGISTERED", 0, 10, null, null),
                new TierLadder.Rung("gold", 0, 101, -1, null)), 400);
        List<String> problems = bad.problems();
        assertTrue(problems.contains("graceDays: between 0 and 365"), problems.toString());
        assertTrue(problems.contains("tiers[1].name: upper-case letters, digits and _ (at most 40)"), problems.toString());
        assertTrue(problems.contains("tiers[1].rank: 0 appears twice"), problems.toString());
        assertTrue(problems.contains("tiers[1].minScore: between 0 and 100"), problems.toString());
        assertTrue(problems.contains("tiers: the entry tier has rank 0 and no requirement"), problems.toString());
    }
}
