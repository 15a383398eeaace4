package io.consort.recruitment.application;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The vetting signals a reviewer can list applications by ({@code ?signal=}): the ones the database
 * answers from its domain indexes, with the same meaning as in {@link VettingSignals}. Free mail and
 * domain mismatch are not among them: they come from the curated list and address parsing in Java,
 * and a second copy of that logic in SQL would drift from the first.
 */
public enum VettingSignal {
    // Uncorrelated semi-joins: KeysetQuery's root has no alias, and Hibernate refuses a subquery that
    // refers back to an unaliased root ("this").

    /** A partner other than the one this application created has the website's domain. */
    DUPLICATE_PARTNER("""
            id in (select a.id from Application a, Partner p where p.domain = a.domain
                   and (p.applicationId is null or p.applicationId <> a.id))"""),
    /** Another open application has the website's domain. */
    DUPLICATE_APPLICATION("""
            id in (select a.id from Application a, Application o where o.domain = a.domain and o.id <> a.id
                   and o.state in (:vettingOpenStates))""");

    /** The states of an application still waiting for a decision. */
    static final List<ApplicationState> OPEN = Arrays.stream(ApplicationState.values())
            .filter(s -> !s.isDecided()).toList();

    private final String condition;

    VettingSignal(String condition) {
        this.condition = condition;
    }

    /** The HQL condition on an application and its parameters. */
    String condition() {
        return condition;
    }

    Map<String, Object> parameters() {
        return this == DUPLICATE_APPLICATION ? Map.of("vettingOpenStates", OPEN) : Map.of();
    }
}
