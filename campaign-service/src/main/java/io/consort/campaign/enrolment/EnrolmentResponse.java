package io.consort.campaign.enrolment;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enrolment as the API shows it, with its tracked link and what it brought so far. */
@Schema(name = "Enrolment", description = "A partner's enrolment in a campaign", examples = """
        {"id":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","version":0,"campaignId":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
         "partnerId":"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d","displayName":"Nordic Cloud AB",
         "logoUrl":"https://nordic-cloud.example/logo.png","contactEmail":"sales@nordic-cloud.example",
         "trackedLink":"https://prm.example.com/t/q3ZJ9kq0TGe1bYcJ2w4xVg","clicks":12,"formFills":3,
         "createdAt":"2026-12-07T10:00:00Z"}""")
public record EnrolmentResponse(
        @Schema(required = true, format = "uuid") UUID id,
        @Schema(required = true) long version,
        @Schema(required = true, format = "uuid") UUID campaignId,
        @Schema(required = true, format = "uuid") UUID partnerId,
        @Schema(nullable = true) String displayName,
        @Schema(nullable = true) String logoUrl,
        @Schema(nullable = true) String contactEmail,
        @Schema(required = true, description = "the partner's tracked link") String trackedLink,
        @Schema(required = true, minimum = "0") long clicks,
        @Schema(required = true, minimum = "0") long formFills,
        @Schema(required = true, format = "date-time") Instant createdAt) {
}
