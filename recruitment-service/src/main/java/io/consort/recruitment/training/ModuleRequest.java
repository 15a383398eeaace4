package io.consort.recruitment.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/training/modules} and {@code PUT /api/v1/training/modules/{id}}. */
@Schema(name = "TrainingModuleRequest", example = """
        {"title": "Network Security Fundamentals", "description": "Firewalls, VPN and zero trust for resellers",
         "durationMinutes": 90, "passingScore": 80,
         "certification": {"name": "Certified Security Associate", "validityDays": 365}}""")
public record ModuleRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull @Min(1) @Max(10000) Integer durationMinutes,
        @NotNull @Min(0) @Max(100) Integer passingScore,
        @Valid CertificationBody certification) {

    @Schema(name = "TrainingCertificationTerms", description = "The certification passing the module earns; "
            + "without validityDays it never expires.", example = """
            {"name": "Certified Security Associate", "validityDays": 365}""")
    public record CertificationBody(
            @NotBlank @Size(max = 200) String name,
            @Min(1) @Max(36500) Integer validityDays) {
    }

    TrainingModule.Definition toDefinition() {
        return new TrainingModule.Definition(title.strip(),
                description == null || description.isBlank() ? null : description.strip(), durationMinutes,
                passingScore, certification == null ? null
                        : new TrainingModule.CertificationTerms(certification.name().strip(), certification.validityDays()));
    }
}
