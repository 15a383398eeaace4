package io.consort.campaign.mdf;

import static io.consort.campaign.mdf.MoneyTest.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FundRulesTest {

    final Balances budget = Balances.zero("EUR").apply(LedgerKind.ALLOCATED, eur("1000"))
            .apply(LedgerKind.COMMITTED, eur("600"));

    @Test
    void aRequestMayTakeExactlyWhatRemainsButNotACentMore() {
        FundRules.requireAvailable(budget, eur("400"));
        InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                () -> FundRules.requireAvailable(budget, eur("400.01")));
        assertEquals(eur("400"), e.remaining());
        assertTrue(e.getMessage().contains("400.00 EUR remains available"), e.getMessage());
    }

    @Test
    void anotherCurrencyIsRefusedNotConverted() {
        assertThrows(CurrencyMismatchException.class, () -> FundRules.requireAvailable(budget, Money.of(BigDecimal.ONE, "USD")));
    }

    @Test
    void claimsStayWithinTheRequestsApprovedAmount() {
        FundRules.requireClaimable(eur("500"), eur("300"), eur("200"));
        InsufficientFundsException e = assertThrows(InsufficientFundsException.class,
                () -> FundRules.requireClaimable(eur("500"), eur("300"), eur("200.01")));
        assertEquals(eur("200"), e.remaining());
    }

    @Test
    void anApprovalIsPositiveAndAtMostWhatWasAsked() {
        FundRules.requireApprovable(eur("500"), eur("500"));
        FundRules.requireApprovable(eur("500"), eur("0.01"));
        assertThrows(IllegalArgumentException.class, () -> FundRules.requireApprovable(eur("500"), eur("500.01")));
        assertThrows(IllegalArgumentException.class, () -> FundRules.requireApprovable(eur("500"), eur("0")));
        assertThrows(CurrencyMismatchException.class,
                () -> FundRules.requireApprovable(eur("500"), Money.of(BigDecimal.ONE, "USD")));
    }

    @Test
    void anAllocationIsLoweredOnlyDownToWhatIsCommitted() {
        FundRules.requireAllocationChange(budget, eur("-400"));
        FundRules.requireAllocationChange(budget, eur("5000"));
        assertThrows(InsufficientFundsException.class, () -> FundRules.requireAllocationChange(budget, eur("-400.01")));
    }
}
