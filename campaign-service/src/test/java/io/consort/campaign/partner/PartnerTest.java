package io.consort.campaign.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The partner view's order tolerance, without Quarkus: newer facts win per aspect, in any arrival order. */
class PartnerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UUID PROGRAM = UUID.randomUUID();

    private static PartnerProfile profile(String name, String region) {
        return new PartnerProfile(PROGRAM, name, "RESELLER", region, List.of("cloud"), List.of("Retail"),
                "https://a.example", "a.example", null, false, true);
    }

    @Test
    void aNewPartnerIsAtTheEntryTierWithNoStatus() {
        Partner partner = new Partner(UUID.randomUUID(), T0);
        assertEquals("REGISTERED", partner.tier());
        assertEquals(0, partner.tierRank());
        assertNull(partner.status());
        assertFalse(partner.isActive());
    }

    @Test
    void aLateOlderFactNeverMovesAnAspectBackwards() {
        Partner partner = new Partner(UUID.randomUUID(), T0);
        assertTrue(partner.applyStatus(PartnerStatus.SUSPENDED, T0.plusSeconds(20), T0));
        assertFalse(partner.applyStatus(PartnerStatus.ACTIVE, T0.plusSeconds(10), T0));
        assertEquals(PartnerStatus.SUSPENDED, partner.status());

        assertTrue(partner.applyTier("GOLD", 2, T0.plusSeconds(30), T0));
        assertFalse(partner.applyTier("SILVER", 1, T0.plusSeconds(5), T0));
        assertFalse(partner.applyTier("GOLD", 2, T0.plusSeconds(30), T0), "a duplicate changes nothing");
        assertEquals(2, partner.tierRank());

        assertTrue(partner.applyProfile(profile("New", "EMEA"), T0.plusSeconds(40), T0));
        assertFalse(partner.applyProfile(profile("Old", "APAC"), T0.plusSeconds(1), T0));
        assertEquals("New", partner.name());
        assertEquals("EMEA", partner.region());
    }

    @Test
    void theContactIsTheFirstPartnerAdminWhateverTheArrivalOrder() {
        Partner partner = new Partner(UUID.randomUUID(), T0);
        assertTrue(partner.applyContact("second@a.example", T0.plusSeconds(20), T0));
        assertTrue(partner.applyContact("first@a.example", T0.plusSeconds(10), T0));
        assertFalse(partner.applyContact("third@a.example", T0.plusSeconds(30), T0));
        assertEquals("first@a.example", partner.contactEmail());
    }

    @Test
    void fieldsAnEventDoesNotCarryKeepTheirValue() {
        Partner partner = new Partner(UUID.randomUUID(), T0);
        partner.applyProfile(profile("Full", "EMEA"), T0, T0);
        UUID parent = UUID.randomUUID();
        partner.applyProfile(new PartnerProfile(null, "Renamed", null, null, null, null, null, null, parent, true, null),
                T0.plusSeconds(1), T0);
        assertEquals("Renamed", partner.name());
        assertEquals("EMEA", partner.region());
        assertEquals(List.of("cloud"), partner.specialisations());
        assertEquals(parent, partner.parentPartnerId());
        assertEquals(PROGRAM, partner.programId());
    }

    /** The same facts in every one of many shuffled orders end in the same row. */
    @Test
    void anyArrivalOrderEndsInTheSameState() {
        List<Consumer<Partner>> facts = List.of(
                p -> p.applyStatus(PartnerStatus.ONBOARDING, T0, T0),
                p -> p.applyProfile(profile("Onboarding name", "APAC"), T0, T0),
                p -> p.applyStatus(PartnerStatus.ACTIVE, T0.plusSeconds(10), T0),
                p -> p.applyProfile(profile("Active name", "EMEA"), T0.plusSeconds(10), T0),
                p -> p.applyStatus(PartnerStatus.SUSPENDED, T0.plusSeconds(20), T0),
                p -> p.applyStatus(PartnerStatus.ACTIVE, T0.plusSeconds(30), T0),
                p -> p.applyTier("SILVER", 1, T0.plusSeconds(5), T0),
                p -> p.applyTier("GOLD", 2, T0.plusSeconds(25), T0),
                p -> p.applyContact("first@a.example", T0.plusSeconds(3), T0),
                p -> p.applyContact("later@a.example", T0.plusSeconds(8), T0));
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Consumer<Partner>> order = new ArrayList<>(facts);
            Collections.shuffle(order, random);
            Partner partner = new Partner(UUID.randomUUID(), T0);
            order.forEach(fact -> fact.accept(partner));
            order.forEach(fact -> fact.accept(partner)); // every fact delivered twice
            assertEquals(PartnerStatus.ACTIVE, partner.status());
            assertEquals("Active name", partner.name());
            assertEquals("EMEA", partner.region());
            assertEquals("GOLD", partner.tier());
            assertEquals(2, partner.tierRank());
            assertEquals("first@a.example", partner.contactEmail());
        }
    }

    @Test
    void ranksComeFromTheEventElseFromTheKnownNames() {
        assertEquals(5, Tiers.rankOf("DIAMOND", 5));
        assertEquals(3, Tiers.rankOf("PLATINUM", null));
        assertEquals(1, Tiers.rankOf("silver", null));
        assertEquals(0, Tiers.rankOf("VENDOR_SPECIAL", null));
    }
}
