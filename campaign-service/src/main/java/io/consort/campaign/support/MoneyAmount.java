package io.consort.campaign.support;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Money in the API (api.md): a decimal string and an ISO 4217 code, never a floating-point number. */
@Schema(name = "Money", description = "An amount of one currency", examples = "{\"amount\":\"1250.00\",\"currency\":\"EUR\"}")
public record MoneyAmount(
        @Schema(required = true, type = SchemaType.STRING, pattern = "^[0-9]{1,15}(\\.[0-9]{1,2})?$", examples = "1250.00")
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @Schema(required = true, pattern = "^[A-Z]{3}$", examples = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    /** The amount with two decimals, as answers show it. */
    public static MoneyAmount of(BigDecimal amount, String currency) {
        return amount == null ? null : new MoneyAmount(amount.setScale(2, java.math.RoundingMode.UNNECESSARY), currency);
    }

    public io.consort.contracts.events.Money toEvent() {
        return new io.consort.contracts.events.Money(amount.setScale(2, java.math.RoundingMode.UNNECESSARY), currency);
    }
}
