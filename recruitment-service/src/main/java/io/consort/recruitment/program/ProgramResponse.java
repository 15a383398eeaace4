package io.consort.recruitment.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A program as the API shows it. */
@Schema(name = "Program", example = """
        {"id": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d", "name": "Resellers EMEA",
         "description": "Value-added resellers in Europe", "partnerTypes": ["RESELLER"],
         "acceptingApplications": true,
         "idealProfile": {"regions": {"values": ["EMEA"], "weight": 100}},
         "version": 0, "createdAt": "2026-01-05T09:30:00Z", "updatedAt": "2026-01-05T09:30:00Z",
         "createdBy": "manager"}""")
public record ProgramResponse(UUID id, String name, @Schema(nullable = true) String description,
        List<PartnerType> partnerTypes,
        boolean acceptingApplications, @Schema(nullable = true) IdealProfileView idealProfile, long version,
                Instant createdAt,
        Instant updatedAt, String createdBy) {

    static ProgramResponse from(Program program) {
        return new ProgramResponse(program.id(), program.name(), program.description(), program.partnerTypes(),
                program.acceptingApplications(), IdealProfileView.from(program.idealProfile()), program.version(),
                program.createdAt(), program.updatedAt(), program.createdBy());
    }

    @Schema(name = "IdealProfileView", example = """
            {"regions": {"values": ["EMEA"], "weight": 60},
             "companySize": {"minEmployees": 10, "maxEmployees": 500, "weight": 40}}""")
    public record IdealProfileView(@Schema(nullable = true) Criterion regions,
            @Schema(nullable = true) Criterion industries, @Schema(nullable = true) Criterion specialisations,
            @Schema(nullable = true) Size companySize, @Schema(nullable = true) Criterion revenueBands,
                    @Schema(nullable = true) Criterion certifications) {

        static IdealProfileView from(IdealProfile profile) {
            if (profile == null) {
                return null;
            }
            return new IdealProfileView(Criterion.from(profile.regions()), Criterion.from(profile.industries()),
                    Criterion.from(profile.specialisations()), Size.from(profile.companySize()),
                    Criterion.from(profile.revenueBands()), Criterion.from(profile.certifications()));
        }
    }

    @Schema(name = "CriterionView", example = """
            {"values": ["EMEA"], "weight": 60}""")
    public record Criterion(List<String> values, int weight) {
        static Criterion from(IdealProfile.ValueCriterion criterion) {
            return criterion == null ? null : new Criterion(criterion.values(), criterion.weight());
        }
    }

    @Schema(name = "SizeCriterionView", example = """
            {"minEmployees": 10, "maxEmployees": 500, "weight": 40}""")
    public record Size(@Schema(nullable = true) Integer minEmployees, @Schema(nullable = true) Integer maxEmployees,
            int weight) {
        static Size from(IdealProfile.SizeCriterion criterion) {
            return criterion == null ? null
                    : new Size(criterion.minEmployees(), criterion.maxEmployees(), criterion.weight());
        }
    }
}
