package io.consort.campaign.tracking;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the form's sender learns: that the lead was received. */
@Schema(name = "FormReceipt", description = "A received form", examples = """
        {"leadId":"2b1e0c1a-3f4d-4e5a-8b6c-7d8e9f0a1b2c","campaignId":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
         "receivedAt":"2026-12-07T10:00:00Z"}""")
public record FormReceipt(@Schema(required = true, format = "uuid") UUID leadId,
        @Schema(required = true, format = "uuid") UUID campaignId,
        @Schema(required = true, format = "date-time") Instant receivedAt) {
}
