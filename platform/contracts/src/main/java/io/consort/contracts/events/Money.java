package io.consort.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * An amount of one currency, as every payload and API writes it: {@code {"amount": "1250.00", "currency": "EUR"}}
 * (a decimal string, never a floating-point number; an ISO 4217 code).
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
}
