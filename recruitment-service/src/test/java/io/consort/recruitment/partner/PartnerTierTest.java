package io.consort.recruitment.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.program.PartnerType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The partner's current tier, as performance decides it and events deliver it (possibly late). */
class PartnerTierTest {

    private static final Instant CREATED = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant SILVER_AT = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant GOLD_AT = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:05Z");

    private final Partner partner = Partner.onboard(new NewPartner(UUID.randomUUID(), UUID.randomUUID(), null, "Acme",
            PartnerType.RESELLER, "EMEA", "acme.example", null), "manager", CREATED);

    @Test
    void aPartnerHasNoTierUntilPerformanceDecidesOne() {
        assertNull(partner.tier());
        assertNull(partner.tierChangedAt());
    }

    @Test
    void aTierChangeIsRecordedWithItsTimeAndOrigin() {
        assertTrue(partner.changeTier("GOLD", GOLD_AT, "performance", NOW));

        assertEquals("GOLD", partner.tier());
        assertEquals(GOLD_AT, partner.tierChangedAt());
        assertEquals(NOW, partner.updatedAt());
        assertEquals("performance", partner.updatedBy());
        assertEquals("performance", partner.origin());
        assertEquals(CREATED, partner.createdAt());
    }

    @Test
    void anOlderDecisionArrivingLateDoesNotOverwriteANewerOne() {
        partner.changeTier("GOLD", GOLD_AT, "performance", NOW);

        assertFalse(partner.changeTier("SILVER", SILVER_AT, "performance", NOW.plusSeconds(1)));
        assertFalse(partner.changeTier("SILVER", GOLD_AT, "performance", NOW.plusSeconds(1)),
                "a decision at the same instant is not newer");
        assertEquals("GOLD", partner.tier());
        assertEquals(GOLD_AT, partner.tierChangedAt());
        assertEquals(NOW, partner.updatedAt());
    }

    @Test
    void aNewerDecisionReplacesTheTier() {
        partner.changeTier("SILVER", SILVER_AT, "performance", NOW);
        assertTrue(partner.changeTier("GOLD", GOLD_AT, "performance", NOW));
        assertEquals("GOLD", partner.tier());
    }

    @Test
    void aTierIsANonBlankNameThatFitsItsColumn() {
        assertThrows(IllegalArgumentException.class, () -> partner.changeTier(" ", GOLD_AT, "performance", NOW));
        assertThrows(IllegalArgumentException.class, () -> partner.changeTier(null, GOLD_AT, "performance", NOW));
        assertThrows(IllegalArgumentException.class,
                () -> partner.changeTier("G".repeat(41), GOLD_AT, "performance", NOW));
        assertNull(partner.tier());
    }
}
