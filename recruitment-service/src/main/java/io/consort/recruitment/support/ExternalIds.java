package io.consort.recruitment.support;

import io.consort.chassis.problem.Problems;
import java.util.regex.Pattern;

/**
 * Ids that other systems (CRMs) give our records, per system: {@code salesforce → 0015g00000XyZ}.
 * The same rules for prospects and partners, in paths, bodies and bulk lines.
 */
public final class ExternalIds {

    public static final Pattern SYSTEM = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    public static final String SYSTEM_MESSAGE = "must be a lower-case system name of at most 40 characters";
    /** How many systems one record may be known to. */
    public static final int MAX_SYSTEMS = 10;

    private ExternalIds() {
    }

    /** Why an external id is unacceptable, or null. */
    public static String idProblem(String id) {
        if (id == null || id.isBlank()) {
            return "must not be blank";
        }
        if (id.length() > 200) {
            return "size must be between 1 and 200";
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    /** Checks the {@code {system}/{externalId}} of a path: a 400 problem naming the bad one. */
    public static void requireValid(String system, String externalId) {
        if (system == null || !SYSTEM.matcher(system).matches()) {
            throw Problems.invalidField("system", SYSTEM_MESSAGE);
        }
        String problem = idProblem(externalId);
        if (problem != null) {
            throw Problems.invalidField("externalId", problem);
        }
    }
}
