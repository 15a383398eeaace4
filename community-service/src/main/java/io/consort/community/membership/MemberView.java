package io.consort.community.membership;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A membership as the API shows it. */
@Schema(name = "Member", example = """
        {"memberId": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
         "programId": "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b", "name": "Acme Networks GmbH", "region": "EMEA",
         "status": "ACTIVE", "tier": "GOLD", "tierRank": 2, "listedInDirectory": true,
         "joinedAt": "2026-11-02T09:30:00Z", "leftAt": null, "version": 4}""")
public record MemberView(
        @Schema(required = true, example = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e") UUID memberId,
        @Schema(required = true, example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d") UUID partnerId,
        @Schema(nullable = true, example = "3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b") UUID programId,
        @Schema(nullable = true, example = "Acme Networks GmbH") String name,
        @Schema(nullable = true, example = "EMEA") String region,
        @Schema(required = true, description = "ACTIVE, SUSPENDED (with its partner) or CLOSED (terminated)",
                example = "ACTIVE") MemberStatus status,
        @Schema(required = true, description = "REGISTERED until performance says otherwise", example = "GOLD") String tier,
        @Schema(required = true, description = "0 = entry tier, higher is better", example = "2") int tierRank,
        @Schema(required = true, example = "true") boolean listedInDirectory,
        @Schema(required = true, description = "When the partner was activated", example = "2026-11-02T09:30:00Z")
        Instant joinedAt,
        @Schema(nullable = true, description = "When the partner was terminated", example = "2026-12-01T09:30:00Z")
        Instant leftAt,
        @Schema(required = true, description = "The version behind the ETag", example = "4") long version) {

    public static MemberView of(Member m) {
        return new MemberView(m.id, m.partnerId, m.programId, m.name, m.region, m.status, m.tier, m.tierRank,
                m.listedInDirectory, m.joinedAt, m.leftAt, m.version);
    }
}
