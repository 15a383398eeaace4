package io.consort.recruitment.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerUserTest {

    private static final Instant NOW = Instant.parse("2026-01-06T10:00:00Z");

    private static PartnerUser invited(PartnerUserRole role) {
        return PartnerUser.invite(UUID.randomUUID(), UUID.randomUUID(),
                new PartnerUser.Person("  Dana.Reyes@Acme.Example ", "Dana", "Reyes"), role, "manager", NOW);
    }

    private static PartnerUser active(PartnerUserRole role) {
        PartnerUser user = invited(role);
        user.linkTo("kc-1");
        user.provisioned(Provisioner.ACTOR, NOW.plusSeconds(1));
        return user;
    }

    @Test
    void anInvitedUserIsDueForProvisioningAtOnceWithItsAddressInLowerCase() {
        PartnerUser user = invited(PartnerUserRole.PARTNER_USER);
        assertEquals(PartnerUserState.PROVISIONING, user.state());
        assertEquals("dana.reyes@acme.example", user.email());
        assertEquals(NOW, user.nextAttemptAt());
        assertEquals(0, user.attempts());
        assertEquals("manager", user.createdBy());
    }

    @Test
    void failedAttemptsAreCountedWithTheirReasonAndProvisioningClearsThem() {
        PartnerUser user = invited(PartnerUserRole.PARTNER_ADMIN);
        user.retryLater("Keycloak answered 503", NOW.plusSeconds(1), Provisioner.ACTOR, NOW);
        user.retryLater("Keycloak did not answer", NOW.plusSeconds(3), Provisioner.ACTOR, NOW.plusSeconds(1));
        assertEquals(2, user.attempts());
        assertEquals("Keycloak did not answer", user.lastError());
        assertEquals(NOW.plusSeconds(3), user.nextAttemptAt());

        user.linkTo("kc-1");
        user.provisioned(Provisioner.ACTOR, NOW.plusSeconds(4));
        assertEquals(PartnerUserState.ACTIVE, user.state());
        assertNull(user.nextAttemptAt());
        assertNull(user.lastError());
        assertEquals(Provisioner.ACTOR, user.updatedBy());
    }

    @Test
    void aUserCannotBeActiveWithoutAKeycloakLogin() {
        PartnerUser user = invited(PartnerUserRole.PARTNER_USER);
        assertThrows(IllegalStateException.class, () -> user.provisioned(Provisioner.ACTOR, NOW));
    }

    @Test
    void aRefusedLoginKeepsTheReasonAndIsNoLongerRetried() {
        PartnerUser user = invited(PartnerUserRole.PARTNER_USER);
        user.refused("x".repeat(5000), Provisioner.ACTOR, NOW);
        assertEquals(PartnerUserState.FAILED, user.state());
        assertNull(user.nextAttemptAt());
        assertEquals(PartnerUser.MAX_ERROR_LENGTH, user.lastError().length());
        assertThrows(IllegalStateException.class, () -> user.retryLater("again", NOW, Provisioner.ACTOR, NOW));
    }

    @Test
    void deactivatingQueuesTheDisablingAfreshAndRecordsWhoAsked() {
        PartnerUser user = invited(PartnerUserRole.PARTNER_USER);
        user.retryLater("Keycloak answered 503", NOW.plusSeconds(1), Provisioner.ACTOR, NOW);
        user.deactivate("ada@acme.example", NOW.plusSeconds(2));
        assertEquals(PartnerUserState.DEACTIVATING, user.state());
        assertEquals(0, user.attempts());
        assertNull(user.lastError());
        assertEquals(NOW.plusSeconds(2), user.nextAttemptAt());
        assertEquals("ada@acme.example", user.updatedBy());

        user.disabled(Provisioner.ACTOR, NOW.plusSeconds(3));
        assertEquals(PartnerUserState.DEACTIVATED, user.state());
        assertNull(user.nextAttemptAt());
    }

    @Test
    void onlyAnActiveAdminCanBeThePartnersLastOne() {
        assertTrue(active(PartnerUserRole.PARTNER_ADMIN).isLastActiveAdmin(1));
        assertFalse(active(PartnerUserRole.PARTNER_ADMIN).isLastActiveAdmin(2));
        assertFalse(active(PartnerUserRole.PARTNER_USER).isLastActiveAdmin(1));
        // One still waiting for its login does not hold the partner's administration yet.
        assertFalse(invited(PartnerUserRole.PARTNER_ADMIN).isLastActiveAdmin(1));
    }

    @Test
    void anApplicationsContactNameIsSplitIntoFirstAndLastName() {
        assertEquals(new PartnerUser.Person("a@b.example", "Dana", "Reyes"),
                PartnerUser.Person.fromContact("a@b.example", " Dana Reyes "));
        assertEquals(new PartnerUser.Person("a@b.example", "Mary", "Ann van der Berg"),
                PartnerUser.Person.fromContact("a@b.example", "Mary Ann van der Berg"));
        assertEquals(new PartnerUser.Person("a@b.example", "Cher", null),
                PartnerUser.Person.fromContact("a@b.example", "Cher"));
        assertEquals(new PartnerUser.Person("a@b.example", null, null),
                PartnerUser.Person.fromContact("a@b.example", null));
    }

    @Test
    void whatKeycloakRefusesInANameIsLeftOutOfTheContactsName() {
        assertEquals(new PartnerUser.Person("a@b.example", "Dana", "Sales Reyes"),
                PartnerUser.Person.fromContact("a@b.example", "Dana (Sales) Reyes"));
        assertEquals(new PartnerUser.Person("a@b.example", "Tom", "Jerry"),
                PartnerUser.Person.fromContact("a@b.example", "Tom & Jerry"));
        assertEquals(new PartnerUser.Person("a@b.example", null, null),
                PartnerUser.Person.fromContact("a@b.example", "<>"));
        // What the invitation endpoint accepts is exactly what is not left out here.
        assertTrue("O'Brien-Smith Zoë".matches(PartnerUserRequest.PERSON_NAME));
        assertFalse("Back\\slash".matches(PartnerUserRequest.PERSON_NAME));
        assertFalse("[Sam]".matches(PartnerUserRequest.PERSON_NAME));
    }
}
