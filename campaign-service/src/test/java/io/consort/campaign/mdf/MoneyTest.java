package io.consort.campaign.mdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }

    @Test
    void scalesToTheCurrencysMinorUnits() {
        assertEquals("1250.00", eur("1250").amount().toPlainString());
        assertEquals("1250.50", eur("1250.5").amount().toPlainString());
        assertEquals("500", Money.of(new BigDecimal("500"), "JPY").amount().toPlainString());
        assertEquals("1.250", Money.of(new BigDecimal("1.25"), "KWD").amount().toPlainString());
        assertEquals(eur("10"), eur("10.000"));
    }

    @Test
    void refusesMorePrecisionThanTheCurrencyHasRatherThanRounding() {
        assertThrows(IllegalArgumentException.class, () -> eur("10.001"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("1.5"), "JPY"));
    }

    @Test
    void refusesUnknownOrLowerCaseCurrenciesAndHugeAmounts() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(BigDecimal.ONE, "eur"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(BigDecimal.ONE, "XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(BigDecimal.ONE, null));
        assertThrows(IllegalArgumentException.class, () -> Money.of(null, "EUR"));
        assertThrows(IllegalArgumentException.class, () -> eur("1000000000000000"));
    }

    @Test
    void arithmeticAndComparisonRefuseToMixCurrencies() {
        Money usd = Money.of(BigDecimal.TEN, "USD");
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class, () -> eur("1").plus(usd));
        assertEquals("EUR", e.expected());
        assertEquals("USD", e.actual());
        assertThrows(CurrencyMismatchException.class, () -> eur("1").minus(usd));
        assertThrows(CurrencyMismatchException.class, () -> eur("1").exceeds(usd));
    }

    @Test
    void arithmetic() {
        assertEquals(eur("15.25"), eur("10.00").plus(eur("5.25")));
        assertEquals(eur("-5.25"), eur("0").minus(eur("5.25")));
        assertTrue(eur("0.01").exceeds(eur("0")));
        assertFalse(eur("5").exceeds(eur("5.00")));
        assertEquals("5.00 EUR", eur("5").toString());
    }
}
