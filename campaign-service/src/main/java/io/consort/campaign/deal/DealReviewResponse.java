package io.consort.campaign.deal;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DealReview", description = "A registration beside every other partner's registration it collides with.",
        examples = "{\"registration\": {\"id\": \"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\"}, \"conflicting\": []}")
public record DealReviewResponse(
        @Schema(required = true) DealRegistrationResponse registration,
        @Schema(required = true) List<Rival> conflicting) {

    @Schema(name = "DealReviewRival", examples = "{\"rule\": \"PENDING_REGISTRATION\", \"products\": [\"ANALYTICS-PRO\"], "
            + "\"endsAt\": \"2027-03-07T10:00:00Z\", \"registration\": {\"id\": \"0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\"}}")
    public record Rival(
            @Schema(required = true) ConflictRule rule,
            @Schema(required = true) List<String> products,
            @Schema(required = true) java.time.Instant endsAt,
            @Schema(required = true) DealRegistrationResponse registration) {
    }
}
