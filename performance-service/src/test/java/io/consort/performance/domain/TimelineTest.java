package io.consort.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final LocalDate FIRST = LocalDate.parse("2026-01-01");
    private final ExchangeRates rates = new ExchangeRates("EUR").put("USD", LocalDate.parse("2026-01-01"), new BigDecimal("0.90"))
            .put("USD", LocalDate.parse("2026-03-01"), new BigDecimal("0.80"));
    private final Facts facts = new Facts();

    /**
     * The timeline from all facts, checked against the live path's: the facts it reads
     * ({@link DayCounts#NEEDS_FACT}) and the per-day totals of all of them.
     */
    private Timeline timeline(int windowDays) {
        LocalDate last = LocalDate.parse("2026-12-31");
        Timeline all = Timeline.compute(facts.sorted(), rates, FIRST, last, windowDays);
        Timeline live = Timeline.compute(facts.sorted().stream().filter(f -> DayCounts.NEEDS_FACT.contains(f.type())).toList(),
                DayCounts.of(facts.sorted()), rates, FIRST, last, windowDays);
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.on(i), live.on(i), "KPIs on " + all.day(i) + " from the day totals");
        }
        assertEquals(all.notes(), live.notes());
        return all;
    }

    private static BigDecimal on(Timeline t, Kpi kpi, String day) {
        return t.value(kpi, (int) ChronoUnit.DAYS.between(t.first(), LocalDate.parse(day)));
    }

    @Test
    void aCountStaysInTheTrailingWindowForExactlyItsLength() {
        facts.add(EventNames.LEAD_ASSIGNED, "2026-02-10T23:59:59Z");
        Timeline t = timeline(30);
        assertEquals(BigDecimal.ZERO, on(t, Kpi.LEADS_OFFERED, "2026-02-09"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.LEADS_OFFERED, "2026-02-10"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.LEADS_OFFERED, "2026-03-11"));
        assertEquals(BigDecimal.ZERO, on(t, Kpi.LEADS_OFFERED, "2026-03-12"));
    }

    @Test
    void wonRevenueIsConvertedAtTheCloseDateAndCountsFromIt() {
        facts.won(UUID.randomUUID(), "1000.00", "USD", "2026-02-27", "2026-03-02T10:00:00Z");
        facts.won(UUID.randomUUID(), "1000.00", "USD", "2026-03-01", "2026-03-02T10:00:00Z");
        Timeline t = timeline(365);
        assertEquals(new BigDecimal("0.00"), on(t, Kpi.WON_REVENUE, "2026-02-26").setScale(2));
        assertEquals(new BigDecimal("900.00"), on(t, Kpi.WON_REVENUE, "2026-02-27"));
        assertEquals(new BigDecimal("1700.00"), on(t, Kpi.WON_REVENUE, "2026-03-01"));
        assertEquals(new BigDecimal("2"), on(t, Kpi.DEALS_WON, "2026-03-01"));
    }

    @Test
    void aWonDealLaterLostLeavesTheRevenueFromTheDayItWasLost() {
        UUID deal = UUID.randomUUID();
        facts.won(deal, "5000.00", "EUR", "2026-04-01", "2026-04-01T10:00:00Z");
        facts.add(EventNames.DEAL_LOST, "2026-04-20T10:00:00Z").put("dealId", deal.toString());
        Timeline t = timeline(365);
        assertEquals(new BigDecimal("5000.00"), on(t, Kpi.WON_REVENUE, "2026-04-19"));
        assertEquals(new BigDecimal("0.00"), on(t, Kpi.WON_REVENUE, "2026-04-20"));
        assertEquals(BigDecimal.ZERO, on(t, Kpi.DEALS_WON, "2026-04-20"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.DEALS_LOST, "2026-04-20"));
    }

    @Test
    void aSecondWinOfTheSameDealCountsOnce() {
        UUID deal = UUID.randomUUID();
        facts.won(deal, "5000.00", "EUR", "2026-04-01", "2026-04-01T10:00:00Z");
        facts.won(deal, "5000.00", "EUR", "2026-04-01", "2026-04-01T10:05:00Z");
        assertEquals(new BigDecimal("5000.00"), on(timeline(365), Kpi.WON_REVENUE, "2026-05-01"));
    }

    @Test
    void anAmountWithoutARateIsNotCountedAndSaysSo() {
        facts.won(UUID.randomUUID(), "1000.00", "GBP", "2026-04-01", "2026-04-01T10:00:00Z");
        Timeline t = timeline(365);
        assertEquals(BigDecimal.ZERO, on(t, Kpi.WON_REVENUE, "2026-05-01"));
        assertEquals(1, t.notes().size());
        assertTrue(t.notes().get(0).contains("1000.00 GBP on 2026-04-01 has no GBP rate in force"), t.notes().get(0));
    }

    @Test
    void certifiedPeopleCountsPeopleNotCertificatesUntilExpiry() {
        facts.certification("ana", "2026-02-01T09:00:00Z", "2026-06-01T00:00:00Z");
        facts.certification("ana", "2026-03-01T09:00:00Z", null);
        facts.certification("ben", "2026-03-01T09:00:00Z", "2026-04-01T00:00:00Z");
        Timeline t = timeline(365);
        assertEquals(BigDecimal.ONE, on(t, Kpi.CERTIFIED_PEOPLE, "2026-02-15"));
        assertEquals(new BigDecimal("2"), on(t, Kpi.CERTIFIED_PEOPLE, "2026-03-31"));
        assertEquals(new BigDecimal("3"), on(t, Kpi.CERTIFICATIONS, "2026-03-31"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.CERTIFIED_PEOPLE, "2026-04-01"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.CERTIFICATIONS, "2026-06-01"));
    }

    @Test
    void anExpiryEventEndsACertificationEvenBeforeItsDate() {
        var earned = facts.certification("ana", "2026-02-01T09:00:00Z", "2027-02-01T00:00:00Z");
        facts.add(EventNames.CERTIFICATION_EXPIRED, "2026-05-01T00:00:00Z").put("certificationId", earned.get("certificationId").asText());
        Timeline t = timeline(365);
        assertEquals(BigDecimal.ONE, on(t, Kpi.CERTIFIED_PEOPLE, "2026-04-30"));
        assertEquals(BigDecimal.ZERO, on(t, Kpi.CERTIFIED_PEOPLE, "2026-05-01"));
    }

    @Test
    void leadRatesAndMedianResponseTime() {
        facts.add(EventNames.LEAD_ACCEPTED, "2026-02-01T12:00:00Z").put("offeredAt", "2026-02-01T10:00:00Z");
        facts.add(EventNames.LEAD_ACCEPTED, "2026-02-02T16:00:00Z").put("offeredAt", "2026-02-02T10:00:00Z");
        facts.add(EventNames.LEAD_ACCEPTED, "2026-02-03T14:00:00Z").put("offeredAt", "2026-02-03T10:00:00Z");
        facts.add(EventNames.LEAD_REJECTED, "2026-02-04T10:00:00Z").put("outcome", "TIMED_OUT");
        facts.add(EventNames.LEAD_CONVERTED, "2026-02-05T10:00:00Z");
        Timeline t = timeline(365);
        assertNull(on(t, Kpi.LEAD_ACCEPTANCE_RATE, "2026-01-31"));
        assertNull(on(t, Kpi.MEDIAN_LEAD_RESPONSE_HOURS, "2026-01-31"));
        assertEquals(new BigDecimal("2.00"), on(t, Kpi.MEDIAN_LEAD_RESPONSE_HOURS, "2026-02-01"));
        assertEquals(new BigDecimal("4.00"), on(t, Kpi.MEDIAN_LEAD_RESPONSE_HOURS, "2026-02-02"));
        assertEquals(new BigDecimal("4.00"), on(t, Kpi.MEDIAN_LEAD_RESPONSE_HOURS, "2026-02-03"));
        assertEquals(new BigDecimal("0.7500"), on(t, Kpi.LEAD_ACCEPTANCE_RATE, "2026-02-04"));
        assertEquals(new BigDecimal("0.3333"), on(t, Kpi.LEAD_CONVERSION_RATE, "2026-02-05"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.LEADS_TIMED_OUT, "2026-02-05"));
    }

    @Test
    void onboardingProgressFollowsTheChecklistAndIsCompleteOnceActive() {
        facts.add(EventNames.ONBOARDING_TASK_COMPLETED, "2026-01-05T10:00:00Z").put("requiredTasks", 4).put("requiredTasksDone", 1);
        facts.add(EventNames.ONBOARDING_TASK_COMPLETED, "2026-01-06T10:00:00Z").put("requiredTasks", 4).put("requiredTasksDone", 3);
        facts.add(EventNames.PARTNER_ACTIVATED, "2026-01-07T10:00:00Z");
        Timeline t = timeline(365);
        assertEquals(new BigDecimal("0.2500"), on(t, Kpi.ONBOARDING_PROGRESS, "2026-01-05"));
        assertEquals(new BigDecimal("0.7500"), on(t, Kpi.ONBOARDING_PROGRESS, "2026-01-06"));
        assertEquals(0, BigDecimal.ONE.compareTo(on(t, Kpi.ONBOARDING_PROGRESS, "2026-12-31")));
    }

    @Test
    void pipelineIsOpenFromRegistrationUntilTheDealCloses() {
        UUID deal = UUID.randomUUID();
        var registered = facts.add(EventNames.DEAL_REGISTERED, "2026-03-01T10:00:00Z").put("dealId", deal.toString());
        registered.putObject("amount").put("amount", "2000.00").put("currency", "USD");
        facts.won(deal, "2000.00", "USD", "2026-03-20", "2026-03-21T10:00:00Z");
        Timeline t = timeline(365);
        assertEquals(new BigDecimal("1600.00"), on(t, Kpi.PIPELINE, "2026-03-19"));
        assertEquals(new BigDecimal("0.00"), on(t, Kpi.PIPELINE, "2026-03-20"));
    }

    @Test
    void mdfReturnIsRevenueOfFundedCampaignsOverMdfPaid() {
        UUID campaign = UUID.randomUUID();
        var paid = facts.add(EventNames.MDF_CLAIM_PAID, "2026-02-01T10:00:00Z").put("campaignId", campaign.toString());
        paid.putObject("amount").put("amount", "1000.00").put("currency", "EUR");
        facts.won(UUID.randomUUID(), "8000.00", "EUR", "2026-03-01", "2026-03-01T10:00:00Z").put("campaignId", campaign.toString());
        facts.won(UUID.randomUUID(), "9000.00", "EUR", "2026-03-01", "2026-03-01T10:00:00Z");
        Timeline t = timeline(365);
        assertEquals(new BigDecimal("8.0000"), on(t, Kpi.MDF_RETURN, "2026-03-01"));
    }

    @Test
    void aLossRecordedBeforeTheWinArrivedStillTakesTheWinBack() {
        UUID deal = UUID.randomUUID();
        facts.add(EventNames.DEAL_LOST, "2026-04-20T10:00:00Z").put("dealId", deal.toString());
        facts.won(deal, "5000.00", "EUR", "2026-04-01", "2026-04-01T10:00:00Z");
        Timeline t = timeline(365);
        assertEquals(new BigDecimal("5000.00"), on(t, Kpi.WON_REVENUE, "2026-04-19"));
        assertEquals(new BigDecimal("0.00"), on(t, Kpi.WON_REVENUE, "2026-04-20"));
    }

    @Test
    void countsFromDayTotalsLandOnTheirDayWhateverTheOrder() {
        facts.add(EventNames.LEAD_ASSIGNED, "2026-05-10T10:00:00Z");
        facts.add(EventNames.POST_CREATED, "2026-05-12T10:00:00Z");
        // late: arrives after the others but happened before them
        facts.add(EventNames.LEAD_ASSIGNED, "2026-05-01T10:00:00Z");
        facts.add(EventNames.LEAD_REJECTED, "2026-05-02T10:00:00Z").put("outcome", "TIMED_OUT");
        Timeline t = timeline(30);
        assertEquals(BigDecimal.ONE, on(t, Kpi.LEADS_OFFERED, "2026-05-01"));
        assertEquals(new BigDecimal("2"), on(t, Kpi.LEADS_OFFERED, "2026-05-10"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.LEADS_OFFERED, "2026-05-31"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.LEADS_TIMED_OUT, "2026-05-02"));
        assertEquals(BigDecimal.ONE, on(t, Kpi.COMMUNITY_ACTIVITY, "2026-05-12"));
        assertEquals(new DayCounts().add(LocalDate.parse("2026-05-01"), Kpi.LEADS_OFFERED, 1)
                .add(LocalDate.parse("2026-05-02"), Kpi.LEADS_TIMED_OUT, 1)
                .add(LocalDate.parse("2026-05-10"), Kpi.LEADS_OFFERED, 1)
                .add(LocalDate.parse("2026-05-12"), Kpi.COMMUNITY_ACTIVITY, 1), DayCounts.of(facts.sorted()));
    }
}
