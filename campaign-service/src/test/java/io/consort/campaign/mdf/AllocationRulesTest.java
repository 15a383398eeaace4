package io.consort.campaign.mdf;

import static io.consort.campaign.mdf.MoneyTest.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2027, 1, 10);

    static AllocationRules rules(String reimbursement, int leadDays, List<String> types, String maxShare) {
        return new AllocationRules("EUR", List.of(
                new AllocationRules.TierAllocation("GOLD", new BigDecimal("10000"), new BigDecimal("2.5"), new BigDecimal("500")),
                new AllocationRules.TierAllocation("SILVER", new BigDecimal("4000"), BigDecimal.ZERO, null),
                new AllocationRules.TierAllocation("REVENUE_ONLY", BigDecimal.ZERO, new BigDecimal("10"), null)),
                new BigDecimal(reimbursement), leadDays, types, new BigDecimal(maxShare));
    }

    final AllocationRules rules = rules("50", 14, List.of("EVENT", "WEBINAR"), "40");

    @Test
    void aTiersAllocationIsItsFixedAmountPlusItsRevenueShareUpToTheCap() {
        assertEquals(eur("10499.99"), rules.allocationFor("GOLD", eur("19999.99")).orElseThrow().amount());
        assertEquals(eur("10500"), rules.allocationFor("GOLD", eur("20000")).orElseThrow().amount());
        AllocationRules.Allocation capped = rules.allocationFor("GOLD", eur("20000.40")).orElseThrow();
        assertEquals(eur("10500"), capped.amount());
        assertTrue(capped.basis().contains("(capped)"), capped.basis());
        assertEquals(eur("4000"), rules.allocationFor("SILVER", eur("1000000")).orElseThrow().amount());
        // 10 % of 0.09 is 0.009: rounded down, never a fraction of a cent more
        assertEquals(eur("0.01"), rules.allocationFor("REVENUE_ONLY", eur("0.19")).orElseThrow().amount());
    }

    @Test
    void aTierWithoutARuleOrWithNothingToGiveIsAllocatedNothing() {
        assertTrue(rules.allocationFor("PLATINUM", eur("100000")).isEmpty());
        assertTrue(rules.allocationFor("REVENUE_ONLY", eur("0")).isEmpty());
        assertTrue(rules.allocationFor("REVENUE_ONLY", eur("0.09")).isEmpty());
    }

    @Test
    void revenueInAnotherCurrencyIsRefusedNotConverted() {
        assertThrows(CurrencyMismatchException.class, () -> rules.allocationFor("GOLD", Money.of(BigDecimal.TEN, "USD")));
    }

    @Test
    void aRequestNeedsTheLeadTimeToTheDay() {
        rules.requireFundRequest(eur("10000"), eur("100"), "EVENT", TODAY.plusDays(14), TODAY);
        AllocationRuleViolation e = assertThrows(AllocationRuleViolation.class,
                () -> rules.requireFundRequest(eur("10000"), eur("100"), "EVENT", TODAY.plusDays(13), TODAY));
        assertEquals(AllocationRules.LEAD_TIME, e.rule());
        assertTrue(e.getMessage().contains("2027-01-24"), e.getMessage());
        rules("50", 0, List.of(), "40").requireFundRequest(eur("10000"), eur("100"), null, TODAY, TODAY);
    }

    @Test
    void onlyEligibleActivityTypesAreFundedAndNoListMeansAny() {
        for (String type : new String[] { null, "PRINT", "event" }) {
            AllocationRuleViolation e = assertThrows(AllocationRuleViolation.class,
                    () -> rules.requireFundRequest(eur("10000"), eur("100"), type, TODAY.plusDays(30), TODAY));
            assertEquals(AllocationRules.ACTIVITY_TYPES, e.rule());
        }
        rules("50", 14, List.of(), "40").requireFundRequest(eur("10000"), eur("100"), "PRINT", TODAY.plusDays(30), TODAY);
    }

    @Test
    void oneRequestTakesAtMostItsShareOfTheAllocation() {
        rules.requireFundRequest(eur("10000"), eur("4000"), "EVENT", TODAY.plusDays(30), TODAY);
        AllocationRuleViolation e = assertThrows(AllocationRuleViolation.class,
                () -> rules.requireFundRequest(eur("10000"), eur("4000.01"), "EVENT", TODAY.plusDays(30), TODAY));
        assertEquals(AllocationRules.REQUEST_SHARE, e.rule());
        assertEquals(eur("0.03"), rules.largestRequest(eur("0.09")));
        rules("50", 14, List.of(), "100").requireFundRequest(eur("10000"), eur("10000"), "EVENT", TODAY.plusDays(30), TODAY);
    }

    @Test
    void anApprovalIsCheckedOnTheAmountApprovedAndTheActivityTypeButNotOnTheLeadTime() {
        // the allocation may have been lowered since the submission: 40 % of 9,000 is 3,600
        rules.requireRequestApproval(eur("9000"), eur("3600"), "EVENT");
        AllocationRuleViolation share = assertThrows(AllocationRuleViolation.class,
                () -> rules.requireRequestApproval(eur("9000"), eur("3600.01"), "EVENT"));
        assertEquals(AllocationRules.REQUEST_SHARE, share.rule());
        assertTrue(share.getMessage().startsWith("allocation rule maxRequestPercent: "), share.getMessage());
        assertTrue(share.getMessage().contains("be approved for at most 40 %") && share.getMessage().contains("3600.00 EUR"),
                share.getMessage());
        // a type the rules funded at the submission and no longer do (or none given, now that a list exists)
        for (String type : new String[] { "PRINT", null }) {
            assertEquals(AllocationRules.ACTIVITY_TYPES,
                    assertThrows(AllocationRuleViolation.class, () -> rules.requireRequestApproval(eur("9000"), eur("100"), type)).rule());
        }
        // no lead time at approval: there is no date to check, only how early the partner asked (at submission)
        rules("50", 365, List.of(), "40").requireRequestApproval(eur("9000"), eur("100"), null);
    }

    @Test
    void theLargestRequestIsInTheBudgetsCurrencyEvenWhenTheRulesAreInAnother() {
        // a budget opened by hand in USD for a program whose rules are in EUR: its share is a USD amount
        assertEquals(Money.of(new BigDecimal("400"), "USD"), rules.largestRequest(Money.of(new BigDecimal("1000"), "USD")));
        rules.requireRequestApproval(Money.of(new BigDecimal("1000"), "USD"), Money.of(new BigDecimal("400"), "USD"), "EVENT");
        // and a yen budget has no minor units to round to
        assertEquals(Money.of(new BigDecimal("133"), "JPY"), rules.largestRequest(Money.of(new BigDecimal("333"), "JPY")));
    }

    @Test
    void aClaimIsReimbursedAtMostTheVendorsShareOfItsInvoice() {
        rules.requireClaim(eur("1000"), eur("2000"));
        assertEquals(AllocationRules.REIMBURSEMENT,
                assertThrows(AllocationRuleViolation.class, () -> rules.requireClaim(eur("1000"), eur("1999.99"))).rule());
        assertEquals(AllocationRules.REIMBURSEMENT,
                assertThrows(AllocationRuleViolation.class, () -> rules.requireClaim(eur("1000"), null)).rule());
        assertThrows(CurrencyMismatchException.class, () -> rules.requireClaim(eur("1000"), Money.of(new BigDecimal("5000"), "USD")));
        AllocationRules full = rules("100", 14, List.of(), "40");
        full.requireClaim(eur("1000"), null);
        full.requireClaim(eur("1000"), eur("1000"));
        assertThrows(AllocationRuleViolation.class, () -> full.requireClaim(eur("1000"), eur("999.99")));
    }

    @Test
    void aRuleSetOutOfBoundsIsRefused() {
        for (String[] bad : new String[][] { { "0", "40" }, { "100.01", "40" }, { "50", "0" }, { "50", "101" }, { "50.005", "40" } }) {
            assertThrows(IllegalArgumentException.class, () -> rules(bad[0], 14, List.of(), bad[1]), String.join("/", bad));
        }
        assertThrows(IllegalArgumentException.class, () -> rules("50", -1, List.of(), "40"));
        assertThrows(IllegalArgumentException.class, () -> rules("50", 366, List.of(), "40"));
        assertThrows(IllegalArgumentException.class, () -> rules("50", 14, List.of("EVENT", "EVENT"), "40"));
        assertThrows(IllegalArgumentException.class, () -> new AllocationRules("EUR", List.of(
                new AllocationRules.TierAllocation("GOLD", BigDecimal.ONE, BigDecimal.ZERO, null),
                new AllocationRules.TierAllocation("GOLD", BigDecimal.TEN, BigDecimal.ZERO, null)),
                BigDecimal.TEN, 0, List.of(), BigDecimal.TEN));
        assertThrows(IllegalArgumentException.class, () -> new AllocationRules("EUR", List.of(
                new AllocationRules.TierAllocation("GOLD", new BigDecimal("0.001"), BigDecimal.ZERO, null)),
                BigDecimal.TEN, 0, List.of(), BigDecimal.TEN));
        assertThrows(IllegalArgumentException.class, () -> new AllocationRules("EUR", List.of(
                new AllocationRules.TierAllocation("GOLD", new BigDecimal("-1"), BigDecimal.ZERO, null)),
                BigDecimal.TEN, 0, List.of(), BigDecimal.TEN));
        assertThrows(IllegalArgumentException.class, () -> new AllocationRules("eur", List.of(), BigDecimal.TEN, 0, List.of(), BigDecimal.TEN));
    }

    @Test
    void thePeriodBeforeIsOfTheSameKind() {
        assertEquals("2026-Q4", BudgetPeriod.parse("2027-Q1").previous().name());
        assertEquals("2027-Q1", BudgetPeriod.parse("2027-Q2").previous().name());
        assertEquals("2026", BudgetPeriod.parse("2027").previous().name());
        assertThrows(IllegalArgumentException.class, () -> BudgetPeriod.parse("2000").previous());
    }

    @Test
    void anExpiringRequestKeepsWhatItsPendingClaimsAskFor() {
        assertEquals(eur("250"), FundRules.releasableAtExpiry(eur("600"), eur("100"), eur("250")));
        assertEquals(eur("0"), FundRules.releasableAtExpiry(eur("600"), eur("100"), eur("500")));
        assertEquals(eur("0"), FundRules.releasableAtExpiry(eur("600"), eur("100"), eur("900")));
        assertEquals(eur("500"), FundRules.releasableAtExpiry(eur("600"), eur("100"), eur("0")));
    }
}
