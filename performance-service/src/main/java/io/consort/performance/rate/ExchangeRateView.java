package io.consort.performance.rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of an exchange rate. */
@Schema(name = "ExchangeRate", description = "How many units of the base currency one unit of a currency is worth from a day on",
        example = "{\"currency\": \"USD\", \"validFrom\": \"2026-11-01\", \"rate\": \"0.9210\", \"baseCurrency\": \"EUR\", "
                + "\"updatedAt\": \"2026-11-01T08:00:00Z\", \"updatedBy\": \"manager\"}")
public record ExchangeRateView(
        @Schema(required = true, pattern = "^[A-Z]{3}$", example = "USD") String currency,
        @Schema(required = true, example = "2026-11-01") LocalDate validFrom,
        @Schema(required = true, type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]+)?$", example = "0.9210") String rate,
        @Schema(required = true, pattern = "^[A-Z]{3}$", example = "EUR") String baseCurrency,
        @Schema(required = true, example = "2026-11-01T08:00:00Z") Instant updatedAt,
        @Schema(required = true, example = "manager") String updatedBy) {

    static ExchangeRateView of(ExchangeRate r, String base) {
        return new ExchangeRateView(r.currency, r.validFrom, r.rate.stripTrailingZeros().toPlainString(), base,
                r.updatedAt.toInstant(), r.updatedBy);
    }

    /** The body of a rate change. */
    @Schema(name = "ExchangeRateRequest", description = "The rate", example = "{\"rate\": \"0.9210\"}")
    public record Request(
            @Schema(required = true, type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]+)?$", example = "0.9210")
            @jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false)
            @jakarta.validation.constraints.Digits(integer = 14, fraction = 10) BigDecimal rate) {
    }
}
