package io.consort.performance.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount of one currency: a decimal string and an ISO 4217 code, never a floating-point number. */
@Schema(name = "Money", description = "An amount of one currency", example = "{\"amount\": \"1250.00\", \"currency\": \"EUR\"}")
public record Money(
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                pattern = "^-?[0-9]+(\\.[0-9]+)?$", example = "1250.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(required = true, pattern = "^[A-Z]{3}$", example = "EUR") String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, RoundingMode.HALF_UP), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
