package io.consort.campaign.mdf;

import static io.consort.campaign.mdf.MoneyTest.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MdfStatesTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static MdfBudget budget() {
        return MdfBudget.open(UUID.randomUUID(), UUID.randomUUID(), null, BudgetPeriod.parse("2027-Q1"), "EUR", "m", NOW);
    }

    static MdfRequest request(String amount) {
        return MdfRequest.submit(UUID.randomUUID(), budget(), null, "Webinar", null, LocalDate.of(2027, 2, 1), eur(amount), "p", NOW);
    }

    @Test
    void aRequestIsApprovedForAtMostWhatWasAskedAndOnlyOnce() {
        MdfRequest r = request("500");
        assertThrows(IllegalArgumentException.class, () -> r.approve(eur("500.01"), NOW.plusSeconds(60), null, "m", NOW));
        assertEquals(MdfRequestState.SUBMITTED, r.state);
        r.approve(eur("450"), NOW.plus(Duration.ofDays(90)), "ok", "m", NOW);
        assertEquals(MdfRequestState.APPROVED, r.state);
        assertEquals(eur("450"), r.approved());
        assertThrows(IllegalMdfTransitionException.class, () -> r.approve(eur("10"), NOW.plusSeconds(60), null, "m", NOW));
    }

    @Test
    void aReturnedRequestIsResubmittedAndAnApprovedOneExpiresAtItsEnd() {
        MdfRequest r = request("500");
        r.returnToPartner("add the agenda", "m", NOW);
        r.resubmit("Webinar with agenda", null, null, eur("400"), NOW);
        assertEquals(MdfRequestState.SUBMITTED, r.state);
        assertEquals(eur("400"), r.requested());
        Instant end = NOW.plus(Duration.ofDays(30));
        r.approve(eur("400"), end, null, "m", NOW);
        assertThrows(IllegalMdfTransitionException.class, () -> r.expire(end.minusSeconds(1)));
        r.expire(end);
        assertEquals(MdfRequestState.EXPIRED, r.state);
    }

    @Test
    void aRequestInAnotherCurrencyThanItsBudgetIsRefused() {
        assertThrows(CurrencyMismatchException.class, () -> MdfRequest.submit(UUID.randomUUID(), budget(), null, "x", null,
                LocalDate.of(2027, 1, 1), Money.of(BigDecimal.TEN, "USD"), "p", NOW));
    }

    @Test
    void aClaimNeedsARunningApprovedRequestAndIsPaidOnce() {
        MdfRequest r = request("500");
        assertThrows(IllegalMdfTransitionException.class,
                () -> MdfClaim.submit(UUID.randomUUID(), r, eur("10"), "INV-1", List.of(), "p", NOW));
        r.approve(eur("500"), NOW.plus(Duration.ofDays(30)), null, "m", NOW);
        assertThrows(CurrencyMismatchException.class,
                () -> MdfClaim.submit(UUID.randomUUID(), r, Money.of(BigDecimal.TEN, "USD"), "INV-1", List.of(), "p", NOW));
        assertThrows(IllegalMdfTransitionException.class, () -> MdfClaim.submit(UUID.randomUUID(), r, eur("10"), "INV-1",
                List.of(), "p", NOW.plus(Duration.ofDays(30))));
        MdfClaim c = MdfClaim.submit(UUID.randomUUID(), r, eur("300"), "INV-1", List.of("https://x.example/proof.pdf"), "p", NOW);
        assertThrows(IllegalMdfTransitionException.class, () -> c.pay("T-1", NOW));
        assertThrows(IllegalArgumentException.class, () -> c.approve(eur("300.01"), "m", NOW));
        c.approve(eur("250"), "m", NOW);
        c.pay("T-1", NOW);
        assertEquals(MdfClaimState.PAID, c.state);
        assertThrows(IllegalMdfTransitionException.class, () -> c.pay("T-2", NOW));
        assertThrows(IllegalMdfTransitionException.class, () -> c.reject("late", "m", NOW));
    }

    @Test
    void periodsAreQuartersOrYears() {
        assertEquals(new BudgetPeriod("2027-Q1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31)), BudgetPeriod.parse("2027-Q1"));
        assertEquals(LocalDate.of(2027, 12, 31), BudgetPeriod.parse("2027-Q4").ends());
        assertEquals(new BudgetPeriod("2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)), BudgetPeriod.parse("2027"));
        for (String bad : new String[] { "2027-Q5", "27-Q1", "2027Q1", "", "1999", "2027-q1" }) {
            assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.parse(null));
    }
}
