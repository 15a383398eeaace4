package io.consort.contracts.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A line was added to a partner's incentive ledger: a rebate on won revenue, a bonus, or a reversal
 * (negative amount) of an earlier line, e.g. when a won deal is later lost. {@code period} is the
 * accounting period the line counts in (e.g. {@code 2026-Q4}).
 */
public record IncentiveAccrued(UUID entryId, UUID partnerId, Kind kind, Money amount, String period, UUID dealId,
        String reason, Instant occurredAt) {

    public enum Kind { REBATE, BONUS, REVERSAL }

    /** {@code {"amount": "1250.00", "currency": "EUR"}}: a decimal string, never a floating-point number. */
    public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
    }
}
