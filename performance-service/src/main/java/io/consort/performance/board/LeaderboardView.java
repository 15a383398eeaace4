package io.consort.performance.board;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of a leaderboard. */
@Schema(name = "LeaderboardEntry", description = "A partner's place; other partners are anonymous to partners unless the vendor shows names",
        example = "{\"rank\": 1, \"partnerId\": \"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d\", \"name\": \"Acme Networks\", "
                + "\"region\": \"EMEA\", \"tier\": \"GOLD\", \"tierRank\": 2, \"score\": 82, \"you\": false}")
public record LeaderboardView(
        @Schema(required = true, description = "1 = best; equal scores share a rank", minimum = "1", example = "1") int rank,
        @Schema(nullable = true, description = "Null when the partner is anonymous to the caller",
                example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID partnerId,
        @Schema(required = true, description = "The partner's name, or \"Partner #rank\" when anonymous", example = "Acme Networks")
        String name,
        @Schema(nullable = true, example = "EMEA") String region,
        @Schema(required = true, example = "GOLD") String tier,
        @Schema(required = true, minimum = "0", example = "2") int tierRank,
        @Schema(required = true, minimum = "0", maximum = "100", example = "82") int score,
        @Schema(required = true, description = "Whether this row is the caller's own partner", example = "false") boolean you) {

    /** Who partners see on leaderboards. */
    @Schema(name = "LeaderboardSettings", description = "How partners see other partners on leaderboards",
            example = "{\"partnerVisibility\": \"ANONYMOUS\"}")
    public record Settings(
            @Schema(required = true, description = "NAMES: partners see each other's names; ANONYMOUS: only ranks",
                    example = "ANONYMOUS") @jakarta.validation.constraints.NotNull Visibility partnerVisibility) {
    }

    public enum Visibility { NAMES, ANONYMOUS }
}
