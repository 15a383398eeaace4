package io.consort.recruitment.training;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certification with its status as of the answer: EXPIRED from {@code expiresAt} on. */
@Schema(name = "Certification", example = """
        {"id": "9f8e7d6c-5b4a-4392-8180-7f6e5d4c3b2a", "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
         "userId": "f4e3d2c1-b0a9-4876-9543-210fedcba987", "moduleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b",
         "completionId": "6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a", "name": "Certified Security Associate",
         "status": "ACTIVE", "earnedAt": "2026-01-08T15:20:00Z", "expiresAt": "2027-01-08T15:20:00Z",
         "expiredAt": null}""")
public record CertificationResponse(UUID id, UUID partnerId, String userId, UUID moduleId, UUID completionId,
        String name, CertificationStatus status, Instant earnedAt, @Schema(nullable = true) Instant expiresAt,
                @Schema(nullable = true) Instant expiredAt) {

    static CertificationResponse from(Certification c, Instant now) {
        return new CertificationResponse(c.id(), c.partnerId(), c.userId(), c.moduleId(), c.completionId(), c.name(),
                c.statusAt(now), c.earnedAt(), c.expiresAt(), c.expiredAt());
    }
}
