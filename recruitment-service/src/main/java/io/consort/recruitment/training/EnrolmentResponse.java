package io.consort.recruitment.training;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Enrolment", example = """
        {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "partnerId": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
         "userId": "f4e3d2c1-b0a9-4876-9543-210fedcba987", "moduleId": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b",
         "state": "ENROLLED", "enrolledAt": "2026-01-07T08:00:00Z", "enrolledBy": "dana", "passedAt": null}""")
public record EnrolmentResponse(UUID id, UUID partnerId, String userId, UUID moduleId, EnrolmentState state,
        Instant enrolledAt, String enrolledBy, @Schema(nullable = true) Instant passedAt) {

    static EnrolmentResponse from(Enrolment e) {
        return new EnrolmentResponse(e.id(), e.partnerId(), e.userId(), e.moduleId(), e.state(), e.enrolledAt(),
                e.enrolledBy(), e.passedAt());
    }
}
