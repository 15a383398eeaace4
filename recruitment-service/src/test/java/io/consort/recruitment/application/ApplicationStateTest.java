package io.consort.recruitment.application;

import static io.consort.recruitment.application.ApplicationAction.APPROVE;
import static io.consort.recruitment.application.ApplicationAction.PROVIDE_INFO;
import static io.consort.recruitment.application.ApplicationAction.REJECT;
import static io.consort.recruitment.application.ApplicationAction.REQUEST_INFO;
import static io.consort.recruitment.application.ApplicationAction.START_REVIEW;
import static io.consort.recruitment.application.ApplicationAction.WITHDRAW;
import static io.consort.recruitment.application.ApplicationState.APPROVED;
import static io.consort.recruitment.application.ApplicationState.INFO_REQUESTED;
import static io.consort.recruitment.application.ApplicationState.IN_REVIEW;
import static io.consort.recruitment.application.ApplicationState.REJECTED;
import static io.consort.recruitment.application.ApplicationState.SUBMITTED;
import static io.consort.recruitment.application.ApplicationState.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consort.recruitment.support.IllegalTransitionException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApplicationStateTest {

    /** Every legal transition of domain.md; everything else must be refused. */
    private static final Map<ApplicationState, Map<ApplicationAction, ApplicationState>> LEGAL = new EnumMap<>(Map.of(
            SUBMITTED, Map.of(START_REVIEW, IN_REVIEW, APPROVE, APPROVED, REJECT, REJECTED, WITHDRAW, WITHDRAWN),
            IN_REVIEW, Map.of(REQUEST_INFO, INFO_REQUESTED, APPROVE, APPROVED, REJECT, REJECTED, WITHDRAW, WITHDRAWN),
            INFO_REQUESTED, Map.of(PROVIDE_INFO, IN_REVIEW, REJECT, REJECTED, WITHDRAW, WITHDRAWN),
            APPROVED, Map.of(),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of()));

    @ParameterizedTest
    @EnumSource(ApplicationState.class)
    void eachStateAllowsExactlyTheTransitionsOfTheDomainModel(ApplicationState from) {
        for (ApplicationAction action : ApplicationAction.values()) {
            ApplicationState expected = LEGAL.get(from).get(action);
            if (expected != null) {
                assertEquals(expected, from.after(action), from + " --" + action + "-->");
            } else {
                assertThrows(IllegalTransitionException.class, () -> from.after(action), from + " --" + action + "-->");
            }
        }
    }

    @Test
    void reviewCanGoBackAndForthWithInformationRequests() {
        ApplicationState state = SUBMITTED.after(START_REVIEW).after(REQUEST_INFO).after(PROVIDE_INFO)
                .after(REQUEST_INFO).after(PROVIDE_INFO);
        assertEquals(IN_REVIEW, state);
        assertEquals(APPROVED, state.after(APPROVE));
    }

    @Test
    void decidedApplicationsAreFinal() {
        for (ApplicationState decided : EnumSet.of(APPROVED, REJECTED, WITHDRAWN)) {
            for (ApplicationAction action : ApplicationAction.values()) {
                assertThrows(IllegalTransitionException.class, () -> decided.after(action));
            }
        }
    }

    @Test
    void refusalNamesTheActionAndTheState() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> REJECTED.after(APPROVE));
        assertEquals("cannot approve an application that is REJECTED", e.getMessage());
    }
}
