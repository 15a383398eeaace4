package io.consort.recruitment.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.support.IllegalTransitionException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Activation as onboarding uses it (the partner lifecycle work adds its own tests of the whole machine). */
class PartnerActivationTest {

    private static final Instant ONBOARDED = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant ACTIVATED = Instant.parse("2026-01-09T12:00:00Z");

    @Test
    void anOnboardingPartnerBecomesActiveAndRecordsWhoAndWhen() {
        Partner partner = Partner.onboard(new NewPartner(UUID.randomUUID(), UUID.randomUUID(), null, "Acme",
                PartnerType.RESELLER, "EMEA", "acme.example", null), "manager", ONBOARDED);

        partner.activate("dana", ACTIVATED);

        assertEquals(PartnerState.ACTIVE, partner.state());
        assertEquals(ACTIVATED, partner.updatedAt());
        assertEquals("dana", partner.updatedBy());
        assertEquals("dana", partner.origin());
        assertThrows(IllegalTransitionException.class, () -> partner.activate("dana", ACTIVATED.plusSeconds(1)));
    }
}
