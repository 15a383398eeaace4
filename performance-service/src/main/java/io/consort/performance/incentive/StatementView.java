package io.consort.performance.incentive;

import io.consort.performance.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's incentive statement for one period: every ledger line of the period and the totals. */
@Schema(name = "IncentiveStatement", description = "A partner's rebates, bonuses and reversals in one quarter",
        example = "{\"partnerId\": \"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\", \"period\": \"2026-Q4\", \"lines\": [], "
                + "\"rebates\": {\"amount\": \"0.00\", \"currency\": \"EUR\"}, \"bonuses\": {\"amount\": \"0.00\", \"currency\": \"EUR\"}, "
                + "\"reversals\": {\"amount\": \"0.00\", \"currency\": \"EUR\"}, \"net\": {\"amount\": \"0.00\", \"currency\": \"EUR\"}}")
public record StatementView(
        @Schema(required = true, example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID partnerId,
        @Schema(required = true, pattern = "^[0-9]{4}-Q[1-4]$", example = "2026-Q4") String period,
        @Schema(required = true, description = "The period's ledger lines, in the order they were accrued") List<Entry> lines,
        @Schema(required = true) Money rebates,
        @Schema(required = true) Money bonuses,
        @Schema(required = true, description = "Negative") Money reversals,
        @Schema(required = true, description = "Rebates + bonuses + reversals") Money net) {

    /** One line of the append-only incentive ledger. */
    @Schema(name = "IncentiveEntry", description = "A rebate, bonus or reversal, with the event that justifies it",
            example = "{\"entryId\": \"7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a\", \"kind\": \"REBATE\", "
                    + "\"amount\": {\"amount\": \"2000.00\", \"currency\": \"EUR\"}, \"day\": \"2026-11-27\", \"dealId\": null, "
                    + "\"evidenceEventId\": \"0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\", \"evidenceType\": \"consort.deal.won.v1\", "
                    + "\"reason\": \"GOLD rebate 4% of won revenue 50000.00 EUR\", \"accruedAt\": \"2026-11-27T10:00:00Z\"}")
    public record Entry(
            @Schema(required = true, example = "7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a") UUID entryId,
            @Schema(required = true, enumeration = {"REBATE", "BONUS", "REVERSAL"}, example = "REBATE") String kind,
            @Schema(required = true) Money amount,
            @Schema(required = true, description = "The day the line is about", example = "2026-11-27") LocalDate day,
            @Schema(nullable = true, example = "0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d") UUID dealId,
            @Schema(required = true, example = "0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d") UUID evidenceEventId,
            @Schema(required = true, example = "consort.deal.won.v1") String evidenceType,
            @Schema(required = true, example = "GOLD rebate 4% of won revenue 50000.00 EUR") String reason,
            @Schema(required = true, example = "2026-11-27T10:00:00Z") Instant accruedAt) {
    }
}
