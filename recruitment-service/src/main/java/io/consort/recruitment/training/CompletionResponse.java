package io.consort.recruitment.training;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attempt and its verdict, with the certification it earned, if any. */
@Schema(name = "Completion", example = """
        {"id": "6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a", "enrolmentId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
         "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "userId": "f4e3d2c1-b0a9-4876-9543-210fedcba987",
         "moduleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b", "score": 86, "passingScore": 80, "passed": true,
         "completedAt": "2026-01-08T15:20:00Z", "recordedBy": "dana",
         "certification": {"id": "9f8e7d6c-5b4a-4392-8180-7f6e5d4c3b2a",
           "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "userId": "f4e3d2c1-b0a9-4876-9543-210fedcba987",
           "moduleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b", "completionId": "6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a",
           "name": "Certified Security Associate", "status": "ACTIVE", "earnedAt": "2026-01-08T15:20:00Z",
           "expiresAt": "2027-01-08T15:20:00Z", "expiredAt": null}}""")
public record CompletionResponse(UUID id, UUID enrolmentId, UUID partnerId, String userId, UUID moduleId, int score,
        int passingScore, boolean passed, Instant completedAt, String recordedBy,
        @Schema(nullable = true) CertificationResponse certification) {

    static CompletionResponse from(Completion c, Certification earned, Instant now) {
        return new CompletionResponse(c.id(), c.enrolmentId(), c.partnerId(), c.userId(), c.moduleId(), c.score(),
                c.passingScore(), c.passed(), c.completedAt(), c.recordedBy(),
                earned == null ? null : CertificationResponse.from(earned, now));
    }
}
