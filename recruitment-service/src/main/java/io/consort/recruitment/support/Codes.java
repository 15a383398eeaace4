package io.consort.recruitment.support;

import io.consort.chassis.problem.Problem.FieldError;
import io.consort.chassis.problem.Problems;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The UPPER_SNAKE codes regions, industries, specialisations, tiers and the like are written in
 * (api.md: enums are UPPER_SNAKE strings), checked the same way in bodies, bulk lines and filters.
 */
public final class Codes {

    /** A constant, so that Bean Validation's {@code @Pattern(regexp = ...)} can name it too. */
    public static final String REGEX = "[A-Z][A-Z0-9_]{0,39}";
    public static final Pattern PATTERN = Pattern.compile(REGEX);
    public static final String MESSAGE = "must be an UPPER_SNAKE code of at most 40 characters";
    /** How many codes one list field may hold. */
    public static final int MAX_PER_LIST = 50;

    private Codes() {
    }

    /** {@link #REGEX}, read by hand: a bulk line carries up to 150 codes and the regex was a visible cost. */
    public static boolean isCode(String value) {
        if (value == null) {
            return false;
        }
        int length = value.length();
        if (length == 0 || length > 40 || value.charAt(0) < 'A' || value.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Adds an error for {@code field} unless {@code value} is absent or a code. */
    public static void check(String field, String value, List<FieldError> errors) {
        if (value != null && !isCode(value)) {
            errors.add(new FieldError(field, MESSAGE));
        }
    }

    /** Adds an error per element of {@code values} that is not a code ({@code field[i]}), or for too many. */
    public static void checkAll(String field, List<String> values, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_PER_LIST) {
            errors.add(new FieldError(field, "at most " + MAX_PER_LIST + " values"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!isCode(values.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", MESSAGE));
            }
        }
    }

    /** An optional code filter of a list endpoint: null when absent, else the code or a 400 naming it. */
    public static String queryParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!isCode(value)) {
            throw Problems.invalidField(name, MESSAGE);
        }
        return value;
    }
}
