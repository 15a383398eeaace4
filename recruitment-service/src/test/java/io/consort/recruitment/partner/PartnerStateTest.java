package io.consort.recruitment.partner;

import static io.consort.recruitment.partner.PartnerState.ACTIVE;
import static io.consort.recruitment.partner.PartnerState.ONBOARDING;
import static io.consort.recruitment.partner.PartnerState.SUSPENDED;
import static io.consort.recruitment.partner.PartnerState.TERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.partner.PartnerState.Action;
import io.consort.recruitment.support.IllegalTransitionException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartnerStateTest {

    private static final Map<PartnerState, Map<Action, PartnerState>> LEGAL = Map.of(
            ONBOARDING, Map.of(Action.ACTIVATE, ACTIVE, Action.TERMINATE, TERMINATED),
            ACTIVE, Map.of(Action.SUSPEND, SUSPENDED, Action.TERMINATE, TERMINATED),
            SUSPENDED, Map.of(Action.REINSTATE, ACTIVE, Action.TERMINATE, TERMINATED),
            TERMINATED, Map.of());

    @ParameterizedTest
    @EnumSource(PartnerState.class)
    void eachStateAllowsExactlyTheTransitionsOfTheDomainModel(PartnerState from) {
        for (Action action : Action.values()) {
            PartnerState expected = LEGAL.get(from).get(action);
            if (expected != null) {
                assertEquals(expected, from.after(action));
            } else {
                assertThrows(IllegalTransitionException.class, () -> from.after(action), from + " --" + action + "-->");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PartnerState.class, names = "TERMINATED", mode = EnumSource.Mode.EXCLUDE)
    void everyStateButTerminatedCanBeTerminated(PartnerState from) {
        assertEquals(TERMINATED, from.after(Action.TERMINATE));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void terminatedIsFinalAndTheRefusalNamesActionAndState(Action action) {
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> TERMINATED.after(action));
        assertTrue(refused.getMessage().contains(action.name().toLowerCase()), refused.getMessage());
        assertTrue(refused.getMessage().contains("TERMINATED"), refused.getMessage());
    }
}
