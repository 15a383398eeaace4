package io.consort.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerEvaluationTest {

    private static final LocalDate OPENED = LocalDate.parse("2026-01-01");
    private final ExchangeRates rates = new ExchangeRates("EUR");
    private final TierLadder ladder = new TierLadder(List.of(
            new TierLadder.Rung("REGISTERED", 0, 0, null, null),
            new TierLadder.Rung("SILVER", 1, 30, null, null),
            new TierLadder.Rung("GOLD", 2, 60, 2, new BigDecimal("100000"))), 10);
    private final ScoringModel model = new ScoringModel(List.of(
            new ScoringModel.Weighted(Kpi.WON_REVENUE, 70, new BigDecimal("100000")),
            new ScoringModel.Weighted(Kpi.CERTIFIED_PEOPLE, 30, new BigDecimal("2"))));
    private final Facts facts = new Facts();

    /** The evaluation from all facts, checked against the live path's (the facts it reads and the day totals). */
    private List<PartnerEvaluation.Day> evaluate(String today) {
        List<PartnerEvaluation.Day> all = PartnerEvaluation.evaluate(facts.sorted(), rates, day -> model, ladder, OPENED,
                LocalDate.parse(today), 365);
        List<PartnerEvaluation.Day> live = PartnerEvaluation.evaluate(
                facts.sorted().stream().filter(f -> DayCounts.NEEDS_FACT.contains(f.type())).toList(),
                DayCounts.of(facts.sorted()), rates, day -> model, ladder, OPENED, LocalDate.parse(today), 365);
        assertEquals(all, live, "the evaluation from the day totals");
        return all;
    }

    private static PartnerEvaluation.Day on(List<PartnerEvaluation.Day> days, String day) {
        return days.stream().filter(d -> d.day().equals(LocalDate.parse(day))).findFirst().orElseThrow();
    }

    @Test
    void aScorecardOpensAtTheEntryTierAndHasADayForEveryDayUntilToday() {
        List<PartnerEvaluation.Day> days = evaluate("2026-01-10");
        assertEquals(10, days.size());
        assertEquals("REGISTERED", days.get(9).tier().name());
        assertEquals(0, days.get(9).score().score());
    }

    @Test
    void facts_upgradeAtOnce_thenALostDealDowngradesOnlyAfterTheGracePeriod() {
        UUID deal = UUID.randomUUID();
        facts.certification("ana", "2026-01-02T09:00:00Z", null);
        facts.certification("ben", "2026-01-02T09:00:00Z", null);
        facts.won(deal, "100000.00", "EUR", "2026-01-05", "2026-01-05T10:00:00Z");
        facts.add(EventNames.DEAL_LOST, "2026-01-20T10:00:00Z").put("dealId", deal.toString());
        List<PartnerEvaluation.Day> days = evaluate("2026-02-10");

        assertEquals("GOLD", on(days, "2026-01-05").tier().name());
        assertEquals(100, on(days, "2026-01-05").score().score());
        assertTrue(on(days, "2026-01-05").explanation().startsWith("GOLD because score 100 ≥ 60 and 2 certified people ≥ 2"),
                on(days, "2026-01-05").explanation());

        PartnerEvaluation.Day lost = on(days, "2026-01-20");
        assertEquals(30, lost.score().score());
        assertEquals("SILVER", lost.eligibility().tier().name());
        assertEquals("GOLD", lost.tier().name());
        assertEquals(LocalDate.parse("2026-01-30"), lost.downgradeDueOn());
        assertTrue(lost.explanation().startsWith("GOLD held in its grace period until 2026-01-30"), lost.explanation());

        assertEquals("GOLD", on(days, "2026-01-29").tier().name());
        assertEquals("SILVER", on(days, "2026-01-30").tier().name());
        assertNull(on(days, "2026-01-30").downgradeDueOn());
    }

    @Test
    void aLateFactLandsOnItsDayAndEveryLaterDayFollows() {
        facts.certification("ana", "2026-01-02T09:00:00Z", null);
        facts.certification("ben", "2026-01-02T09:00:00Z", null);
        List<PartnerEvaluation.Day> before = evaluate("2026-01-20");
        assertEquals("SILVER", on(before, "2026-01-10").tier().name());

        facts.won(UUID.randomUUID(), "150000.00", "EUR", "2026-01-08", "2026-01-08T10:00:00Z");
        List<PartnerEvaluation.Day> after = evaluate("2026-01-20");
        assertEquals("SILVER", on(after, "2026-01-07").tier().name());
        assertEquals("GOLD", on(after, "2026-01-08").tier().name());
        assertEquals("GOLD", on(after, "2026-01-20").tier().name());
    }

    @Test
    void aCertificationsExpiryDropsAHardRequirement() {
        facts.certification("ana", "2026-01-02T09:00:00Z", null);
        facts.certification("ben", "2026-01-02T09:00:00Z", "2026-01-15T00:00:00Z");
        facts.won(UUID.randomUUID(), "150000.00", "EUR", "2026-01-05", "2026-01-05T10:00:00Z");
        List<PartnerEvaluation.Day> days = evaluate("2026-02-01");
        assertEquals("GOLD", on(days, "2026-01-14").tier().name());
        PartnerEvaluation.Day expired = on(days, "2026-01-15");
        assertEquals("SILVER", expired.eligibility().tier().name());
        assertTrue(expired.explanation().contains("GOLD needs 2 certified people, has 1"), expired.explanation());
        assertEquals("SILVER", on(days, "2026-01-25").tier().name());
    }
}
