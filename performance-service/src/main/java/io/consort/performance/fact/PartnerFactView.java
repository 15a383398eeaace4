package io.consort.performance.fact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API form of a partner fact. */
@Schema(name = "PartnerFact", description = "Something that happened to a partner, as performance learned it")
public record PartnerFactView(
        @Schema(example = "0c9a8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d") UUID id,
        @Schema(description = "The id of the event it came from (ce_id)", example = "7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a") UUID eventId,
        @Schema(example = "APPLICATION_APPROVED") FactKind kind,
        @Schema(example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b") UUID programId,
        @Schema(example = "2026-11-27T10:00:00Z") Instant occurredAt,
        @Schema(description = "The event's payload as published", example = "{\"approvedBy\": \"manager\"}") Map<String, Object> data) {

    static PartnerFactView of(PartnerFact f) {
        return new PartnerFactView(f.id, f.eventId, f.kind, f.programId, f.occurredAt.toInstant(), f.data);
    }
}
