package io.consort.recruitment.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.support.IllegalTransitionException;
import io.consort.recruitment.user.PartnerUserState.Action;
import org.junit.jupiter.api.Test;

class PartnerUserStateTest {

    @Test
    void aLoginBeingProvisionedBecomesActiveOrFailed() {
        assertEquals(PartnerUserState.ACTIVE, PartnerUserState.PROVISIONING.after(Action.PROVISIONED));
        assertEquals(PartnerUserState.FAILED, PartnerUserState.PROVISIONING.after(Action.REFUSED));
    }

    @Test
    void anyLiveUserCanBeDeactivatedAndEndsDeactivatedOnceKeycloakDisabledIt() {
        for (PartnerUserState live : new PartnerUserState[] { PartnerUserState.PROVISIONING, PartnerUserState.ACTIVE,
                PartnerUserState.FAILED }) {
            assertEquals(PartnerUserState.DEACTIVATING, live.after(Action.DEACTIVATE), live.name());
        }
        assertEquals(PartnerUserState.DEACTIVATED, PartnerUserState.DEACTIVATING.after(Action.DISABLED));
    }

    @Test
    void aUserOnItsWayOutCannotBeDeactivatedAgain() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> PartnerUserState.DEACTIVATED.after(Action.DEACTIVATE));
        assertEquals("cannot deactivate a partner user that is DEACTIVATED", e.getMessage());
        assertThrows(IllegalTransitionException.class, () -> PartnerUserState.DEACTIVATING.after(Action.DEACTIVATE));
    }

    @Test
    void theProvisionerCannotReviveADeactivatedUser() {
        assertThrows(IllegalTransitionException.class, () -> PartnerUserState.DEACTIVATING.after(Action.PROVISIONED));
        assertThrows(IllegalTransitionException.class, () -> PartnerUserState.ACTIVE.after(Action.PROVISIONED));
        assertThrows(IllegalTransitionException.class, () -> PartnerUserState.ACTIVE.after(Action.DISABLED));
    }

    @Test
    void onlyProvisioningAndDeactivatingLeaveWorkForKeycloak() {
        assertTrue(PartnerUserState.PROVISIONING.isPending());
        assertTrue(PartnerUserState.DEACTIVATING.isPending());
        assertFalse(PartnerUserState.ACTIVE.isPending());
        assertFalse(PartnerUserState.FAILED.isPending());
        assertFalse(PartnerUserState.DEACTIVATED.isPending());
    }
}
