package io.consort.recruitment.training;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A training module as the API shows it. */
@Schema(name = "TrainingModule", example = """
        {"id": "8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b", "title": "Network Security Fundamentals",
         "description": "Firewalls, VPN and zero trust for resellers", "durationMinutes": 90, "passingScore": 80,
         "certification": {"name": "Certified Security Associate", "validityDays": 365},
         "version": 0, "createdAt": "2026-01-05T09:30:00Z", "updatedAt": "2026-01-05T09:30:00Z",
         "createdBy": "manager", "updatedBy": "manager"}""")
public record ModuleResponse(UUID id, String title, @Schema(nullable = true) String description, int durationMinutes,
        int passingScore,
        @Schema(nullable = true) Terms certification, long version, Instant createdAt, Instant updatedAt,
                String createdBy,
        String updatedBy) {

    static ModuleResponse from(TrainingModule m) {
        return new ModuleResponse(m.id(), m.title(), m.description(), m.durationMinutes(), m.passingScore(),
                m.certification().map(t -> new Terms(t.name(), t.validityDays())).orElse(null), m.version(),
                m.createdAt(), m.updatedAt(), m.createdBy(), m.updatedBy());
    }

    @Schema(name = "TrainingCertificationTermsView", example = """
            {"name": "Certified Security Associate", "validityDays": 365}""")
    public record Terms(String name, @Schema(nullable = true) Integer validityDays) {
    }
}
