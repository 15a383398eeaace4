package io.consort.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The vendor's rates table: how many units of the base currency one unit of a currency was worth from
 * a date on. An amount is converted with the rate in force on its date (the latest rate dated on or
 * before it); an amount dated before a currency's first rate cannot be converted, and is not guessed.
 */
public final class ExchangeRates {

    private final String base;
    private final Map<String, TreeMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    public ExchangeRates(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public ExchangeRates put(String currency, LocalDate validFrom, BigDecimal rateToBase) {
        if (rateToBase.signum() <= 0) {
            throw new IllegalArgumentException("a rate is positive: " + rateToBase);
        }
        rates.computeIfAbsent(currency, c -> new TreeMap<>()).put(validFrom, rateToBase);
        return this;
    }

    /** The amount in the base currency (scale 2), or empty when no rate was in force on {@code date}. */
    public Optional<BigDecimal> toBase(Money money, LocalDate date) {
        if (money.currency().equals(base)) {
            return Optional.of(money.amount().setScale(2, RoundingMode.HALF_UP));
        }
        TreeMap<LocalDate, BigDecimal> table = rates.get(money.currency());
        if (table == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, BigDecimal> inForce = table.floorEntry(date);
        return inForce == null ? Optional.empty()
                : Optional.of(money.amount().multiply(inForce.getValue()).setScale(2, RoundingMode.HALF_UP));
    }
}
