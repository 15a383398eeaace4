package io.consort.recruitment.program;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The ideal partner of a program as weighted criteria. The weights of the criteria present add up to
 * 100, so a prospect's fit score (the sum of the weights it matches) is 0–100 without rescaling.
 * Stored as JSON in the program row; never sent over the API or onto Kafka as is.
 */
public record IdealProfile(ValueCriterion regions, ValueCriterion industries, ValueCriterion specialisations,
        SizeCriterion companySize, ValueCriterion revenueBands, ValueCriterion certifications) {

    public static final int TOTAL_WEIGHT = 100;

    public IdealProfile {
        int total = totalWeight(regions, industries, specialisations, companySize, revenueBands, certifications);
        if (total != TOTAL_WEIGHT) {
            throw new IllegalArgumentException("criterion weights add up to " + total + ", not " + TOTAL_WEIGHT);
        }
    }

    /** The sum of the weights of the criteria given (nulls are absent criteria). */
    public static int totalWeight(ValueCriterion regions, ValueCriterion industries, ValueCriterion specialisations,
            SizeCriterion companySize, ValueCriterion revenueBands, ValueCriterion certifications) {
        int values = Stream.of(regions, industries, specialisations, revenueBands, certifications)
                .filter(Objects::nonNull).mapToInt(ValueCriterion::weight).sum();
        return values + (companySize == null ? 0 : companySize.weight());
    }

    /** A criterion met when the prospect has one of {@code values}. */
    public record ValueCriterion(List<String> values, int weight) {
        public ValueCriterion {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("a criterion needs at least one value");
            }
            if (weight < 1 || weight > TOTAL_WEIGHT) {
                throw new IllegalArgumentException("weight must be 1–100, was " + weight);
            }
            values = List.copyOf(values);
        }
    }

    /** A criterion met when the prospect's head count lies in [min, max]; either end may be open. */
    public record SizeCriterion(Integer minEmployees, Integer maxEmployees, int weight) {
        public SizeCriterion {
            if (minEmployees == null && maxEmployees == null) {
                throw new IllegalArgumentException("a size range needs a minimum or a maximum");
            }
            if (minEmployees != null && maxEmployees != null && minEmployees > maxEmployees) {
                throw new IllegalArgumentException("minimum employees exceed the maximum");
            }
            if (weight < 1 || weight > TOTAL_WEIGHT) {
                throw new IllegalArgumentException("weight must be 1–100, was " + weight);
            }
        }
    }
}
