package io.consort.campaign.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DealStateTest {

    @Test
    void reviewLoopsThroughActionRequiredUntilADecision() {
        DealState s = DealState.SUBMITTED.after(DealAction.START_REVIEW);
        assertEquals(DealState.IN_REVIEW, s);
        s = s.after(DealAction.REQUEST_ACTION);
        assertEquals(DealState.ACTION_REQUIRED, s);
        s = s.after(DealAction.RESUBMIT);
        assertEquals(DealState.IN_REVIEW, s);
        assertEquals(DealState.APPROVED, s.after(DealAction.APPROVE));
        assertEquals(DealState.REJECTED, s.after(DealAction.REJECT));
    }

    @Test
    void approvedEndsWonLostOrExpired() {
        assertEquals(DealState.WON, DealState.APPROVED.after(DealAction.WIN));
        assertEquals(DealState.LOST, DealState.APPROVED.after(DealAction.LOSE));
        assertEquals(DealState.EXPIRED, DealState.APPROVED.after(DealAction.EXPIRE));
        assertEquals(DealState.APPROVED, DealState.APPROVED.after(DealAction.EXTEND));
    }

    @Test
    void withdrawalOnlyBeforeApproval() {
        for (DealState s : DealState.PENDING) {
            assertEquals(DealState.WITHDRAWN, s.after(DealAction.WITHDRAW));
        }
        for (DealState s : EnumSet.complementOf(EnumSet.copyOf(DealState.PENDING))) {
            assertThrows(IllegalDealTransitionException.class, () -> s.after(DealAction.WITHDRAW), s.name());
        }
    }

    @Test
    void approvalIsRefusedWhileThePartnerOwesAnActionAndFromEveryEndState() {
        assertThrows(IllegalDealTransitionException.class, () -> DealState.ACTION_REQUIRED.after(DealAction.APPROVE));
        for (DealState s : Set.of(DealState.APPROVED, DealState.REJECTED, DealState.WITHDRAWN, DealState.WON,
                DealState.LOST, DealState.EXPIRED)) {
            assertThrows(IllegalDealTransitionException.class, () -> s.after(DealAction.APPROVE), s.name());
            assertThrows(IllegalDealTransitionException.class, () -> s.after(DealAction.REJECT), s.name());
        }
    }

    @Test
    void endStatesAreFinal() {
        for (DealState s : Set.of(DealState.REJECTED, DealState.WITHDRAWN, DealState.WON, DealState.LOST, DealState.EXPIRED)) {
            for (DealAction a : DealAction.values()) {
                assertThrows(IllegalDealTransitionException.class, () -> s.after(a), s + " " + a);
            }
        }
    }

    @Test
    void theRefusalSaysWhatAndFromWhere() {
        IllegalDealTransitionException e = assertThrows(IllegalDealTransitionException.class,
                () -> DealState.WON.after(DealAction.APPROVE));
        assertEquals("cannot approve a deal registration that is WON", e.getMessage());
    }
}
