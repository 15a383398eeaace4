package io.consort.recruitment.program;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.consort.recruitment.support.Codes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/programs}. */
@Schema(name = "ProgramRequest", example = """
        {"name": "Resellers EMEA", "description": "Value-added resellers in Europe",
         "partnerTypes": ["RESELLER", "MSP"], "acceptingApplications": true,
         "idealProfile": {"regions": {"values": ["EMEA"], "weight": 40},
                          "specialisations": {"values": ["CLOUD_SECURITY"], "weight": 40},
                          "companySize": {"minEmployees": 10, "maxEmployees": 500, "weight": 20}}}""")
public record ProgramRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotEmpty @Size(max = 5) List<@NotNull PartnerType> partnerTypes,
        Boolean acceptingApplications,
        @Valid IdealProfileBody idealProfile) {

    /** Codes such as regions and specialisations: UPPER_SNAKE, as every enum-like value of the API. */
    static final String CODE = Codes.REGEX;
    static final String CODE_MESSAGE = Codes.MESSAGE;

    @Schema(name = "IdealProfile", description = "Weighted criteria; the weights given add up to 100.", example = """
            {"regions": {"values": ["EMEA"], "weight": 60},
             "companySize": {"minEmployees": 10, "maxEmployees": 500, "weight": 40}}""")
    public record IdealProfileBody(
            @Valid CriterionBody regions,
            @Valid CriterionBody industries,
            @Valid CriterionBody specialisations,
            @Valid SizeBody companySize,
            @Valid CriterionBody revenueBands,
            @Valid CriterionBody certifications) {

        @JsonIgnore
        @AssertTrue(message = "criterion weights must add up to 100")
        public boolean isWeightTotal() {
            // Invalid criteria report their own errors; the total is only meaningful once they are fixed.
            return !allValid() || IdealProfile.totalWeight(valid(regions), valid(industries),
                    valid(specialisations), valid(companySize), valid(revenueBands), valid(certifications))
                    == IdealProfile.TOTAL_WEIGHT;
        }

        private boolean allValid() {
            return isWellFormed(regions) && isWellFormed(industries) && isWellFormed(specialisations)
                    && isWellFormed(companySize) && isWellFormed(revenueBands) && isWellFormed(certifications);
        }

        IdealProfile toDomain() {
            return new IdealProfile(valid(regions), valid(industries), valid(specialisations), valid(companySize),
                    valid(revenueBands), valid(certifications));
        }

        private static boolean isWellFormed(Object criterion) {
            try {
                if (criterion instanceof CriterionBody c) {
                    valid(c);
                } else if (criterion instanceof SizeBody s) {
                    valid(s);
                }
                return true;
            } catch (IllegalArgumentException | NullPointerException e) {
                return false;
            }
        }

        private static IdealProfile.ValueCriterion valid(CriterionBody body) {
            return body == null ? null : new IdealProfile.ValueCriterion(body.values(), body.weight());
        }

        private static IdealProfile.SizeCriterion valid(SizeBody body) {
            return body == null ? null
                    : new IdealProfile.SizeCriterion(body.minEmployees(), body.maxEmployees(), body.weight());
        }
    }

    @Schema(name = "Criterion", example = """
            {"values": ["EMEA", "NORTH_AMERICA"], "weight": 40}""")
    public record CriterionBody(
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> values,
            @NotNull @Min(1) @Max(100) Integer weight) {
    }

    @Schema(name = "SizeCriterion", example = """
            {"minEmployees": 10, "maxEmployees": 500, "weight": 20}""")
    public record SizeBody(
            @Min(1) Integer minEmployees,
            @Min(1) Integer maxEmployees,
            @NotNull @Min(1) @Max(100) Integer weight) {

        @JsonIgnore
        @AssertTrue(message = "give minEmployees or maxEmployees, the minimum not above the maximum")
        public boolean isRange() {
            if (minEmployees == null && maxEmployees == null) {
                return false;
            }
            return minEmployees == null || maxEmployees == null || minEmployees <= maxEmployees;
        }
    }
}
