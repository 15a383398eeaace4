package io.consort.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeRatesTest {

    private final ExchangeRates rates = new ExchangeRates("EUR")
            .put("USD", LocalDate.parse("2026-01-01"), new BigDecimal("0.90"))
            .put("USD", LocalDate.parse("2026-06-01"), new BigDecimal("0.95"));

    @Test
    void theBaseCurrencyConvertsToItself() {
        assertEquals(Optional.of(new BigDecimal("1250.00")), rates.toBase(new Money(new BigDecimal("1250"), "EUR"),
                LocalDate.parse("1999-01-01")));
    }

    @Test
    void anAmountConvertsWithTheRateInForceOnItsDate() {
        Money thousand = new Money(new BigDecimal("1000"), "USD");
        assertEquals(new BigDecimal("900.00"), rates.toBase(thousand, LocalDate.parse("2026-01-01")).orElseThrow());
        assertEquals(new BigDecimal("900.00"), rates.toBase(thousand, LocalDate.parse("2026-05-31")).orElseThrow());
        assertEquals(new BigDecimal("950.00"), rates.toBase(thousand, LocalDate.parse("2026-06-01")).orElseThrow());
        assertEquals(new BigDecimal("950.00"), rates.toBase(thousand, LocalDate.parse("2030-01-01")).orElseThrow());
    }

    @Test
    void beforeTheFirstRateOrInAnUnknownCurrencyNothingIsGuessed() {
        assertTrue(rates.toBase(new Money(BigDecimal.TEN, "USD"), LocalDate.parse("2025-12-31")).isEmpty());
        assertTrue(rates.toBase(new Money(BigDecimal.TEN, "GBP"), LocalDate.parse("2026-07-01")).isEmpty());
    }

    @Test
    void roundsHalfUpToCents() {
        ExchangeRates r = new ExchangeRates("EUR").put("JPY", LocalDate.parse("2026-01-01"), new BigDecimal("0.006345"));
        assertEquals(new BigDecimal("0.63"), r.toBase(new Money(new BigDecimal("100"), "JPY"), LocalDate.parse("2026-02-01")).orElseThrow());
        assertEquals(new BigDecimal("6.35"), r.toBase(new Money(new BigDecimal("1000"), "JPY"), LocalDate.parse("2026-02-01")).orElseThrow());
    }

    @Test
    void aRateIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> rates.put("GBP", LocalDate.parse("2026-01-01"), BigDecimal.ZERO));
    }
}
