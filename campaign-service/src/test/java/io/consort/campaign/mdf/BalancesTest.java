package io.consort.campaign.mdf;

import static io.consort.campaign.mdf.MoneyTest.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancesTest {

    @Test
    void everyFigureIsASumOverTheLedger() {
        Balances b = Balances.zero("EUR")
                .apply(LedgerKind.ALLOCATED, eur("10000"))
                .apply(LedgerKind.COMMITTED, eur("4000"))
                .apply(LedgerKind.COMMITTED, eur("3000"))
                .apply(LedgerKind.CLAIMED, eur("2500"))
                .apply(LedgerKind.PAID, eur("2500"))
                .apply(LedgerKind.RELEASED, eur("500"))
                .apply(LedgerKind.ALLOCATED, eur("-1000"));
        assertEquals(eur("9000"), b.allocated());
        assertEquals(eur("6500"), b.committed());
        assertEquals(eur("2500"), b.claimed());
        assertEquals(eur("2500"), b.paid());
        assertEquals(eur("2500"), b.available());
        assertTrue(b.isConsistent());
    }

    @Test
    void totalsPerKindGiveTheSameFigures() {
        Balances b = Balances.fromTotals("EUR", Map.of(LedgerKind.ALLOCATED, new BigDecimal("9000"),
                LedgerKind.COMMITTED, new BigDecimal("7000"), LedgerKind.RELEASED, new BigDecimal("500"),
                LedgerKind.CLAIMED, new BigDecimal("2500"), LedgerKind.PAID, new BigDecimal("2500")));
        assertEquals(eur("2500"), b.available());
        assertEquals(eur("6500"), b.committed());
    }

    @Test
    void anEntryInAnotherCurrencyIsRefused() {
        assertThrows(CurrencyMismatchException.class,
                () -> Balances.zero("EUR").apply(LedgerKind.ALLOCATED, Money.of(BigDecimal.TEN, "USD")));
    }

    @Test
    void overCommittedOverClaimedOrOverPaidLedgersAreInconsistent() {
        Balances allocated = Balances.zero("EUR").apply(LedgerKind.ALLOCATED, eur("100"));
        assertFalse(allocated.apply(LedgerKind.COMMITTED, eur("100.01")).isConsistent());
        Balances committed = allocated.apply(LedgerKind.COMMITTED, eur("100"));
        assertTrue(committed.isConsistent());
        assertFalse(committed.apply(LedgerKind.CLAIMED, eur("100.01")).isConsistent());
        Balances claimed = committed.apply(LedgerKind.CLAIMED, eur("60"));
        assertFalse(claimed.apply(LedgerKind.PAID, eur("60.01")).isConsistent());
    }
}
