package io.consort.performance.incentive;

import io.consort.performance.domain.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the attribution ledger. */
@Schema(name = "AttributionLine", description = "Won revenue credited to the partner as sourced or influenced, with its evidence",
        example = "{\"lineId\": \"7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a\", \"kind\": \"SOURCED\", "
                + "\"dealId\": \"0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\", \"amount\": {\"amount\": \"50000.00\", \"currency\": \"EUR\"}, "
                + "\"day\": \"2026-11-27\", \"evidenceEventId\": \"1c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\", "
                + "\"evidenceType\": \"consort.deal.registered.v1\", \"reason\": \"sourced: the partner registered the deal\", "
                + "\"recordedAt\": \"2026-11-27T10:00:00Z\"}")
public record AttributionView(
        @Schema(required = true, example = "7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a") UUID lineId,
        @Schema(required = true, enumeration = {"SOURCED", "INFLUENCED"}, example = "SOURCED") String kind,
        @Schema(required = true, example = "0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d") UUID dealId,
        @Schema(required = true, description = "Negative when a credit is taken back (the deal was lost, or re-attributed)")
        Money amount,
        @Schema(required = true, description = "The deal's close date", example = "2026-11-27") LocalDate day,
        @Schema(required = true, example = "1c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d") UUID evidenceEventId,
        @Schema(required = true, example = "consort.deal.registered.v1") String evidenceType,
        @Schema(required = true, example = "sourced: the partner registered the deal") String reason,
        @Schema(required = true, example = "2026-11-27T10:00:00Z") Instant recordedAt) {
}
