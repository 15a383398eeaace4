package io.consort.campaign.mdf;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An amount of one currency, as the API writes it: {@code {"amount": "1250.00", "currency": "EUR"}}. Arithmetic
 * and comparisons refuse to mix currencies ({@link CurrencyMismatchException}); amounts keep the currency's
 * minor units (two for EUR, none for JPY), more precision is refused rather than rounded away.
 */
@Schema(name = "Money", description = "An amount of one currency (decimal string, never a floating-point number).",
        examples = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record Money(
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                pattern = "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$", examples = "1250.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING) @NotNull BigDecimal amount,
        @Schema(required = true, pattern = "^[A-Z]{3}$", description = "ISO 4217 code", examples = "EUR") @NotNull String currency) {

    /** The largest amount the database columns ({@code numeric(19,4)}) hold with room to add. */
    private static final BigDecimal LIMIT = new BigDecimal("999999999999999");

    /**
     * A validated amount: a known ISO 4217 currency, at most its minor units of precision, at most 15 integer
     * digits; scaled to the currency's minor units so that equal amounts print alike.
     */
    public static Money of(BigDecimal amount, String currency) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        Currency unit = currency(currency);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than " + unit
                    .getCurrencyCode() + " allows (" + digits + ")");
        }
        if (amount.abs().compareTo(LIMIT) > 0) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " is out of range");
        }
        return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), unit.getCurrencyCode());
    }

    public static Money zero(String currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /** The ISO 4217 currency of a code, which must be given in upper case; {@link IllegalArgumentException} otherwise. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency " + code + " is not an ISO 4217 code");
        }
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Whether this is more than {@code other}, which must be of the same currency. */
    public boolean exceeds(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** The wire form on Kafka. */
    public io.consort.contracts.events.Money toEvent() {
        return new io.consort.contracts.events.Money(amount, currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
