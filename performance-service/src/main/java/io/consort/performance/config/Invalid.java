package io.consort.performance.config;

import io.consort.chassis.problem.Problem;
import io.consort.chassis.problem.Problems;
import java.util.ArrayList;
import java.util.List;

/** Turns the domain's "field: message" problems (e.g. {@code TierLadder#problems()}) into a 400 problem. */
public final class Invalid {

    private Invalid() {
    }

    /** Throws a validation problem naming each field, unless there is none. */
    public static void unless(String detail, List<String> problems, List<Problem.FieldError> more) {
        List<Problem.FieldError> errors = new ArrayList<>(more);
        for (String p : problems) {
            int colon = p.indexOf(':');
            errors.add(new Problem.FieldError(p.substring(0, colon), p.substring(colon + 2)));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(detail, errors);
        }
    }
}
