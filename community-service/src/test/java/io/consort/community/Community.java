package io.consort.community;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.inbox.IncomingEvent;
import io.consort.community.membership.MembershipFacts;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerReinstated;
import io.consort.contracts.events.PartnerSuspended;
import io.consort.contracts.events.TierChanged;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Makes members for the feature tests straight through {@link MembershipFacts} (the same folding the
 * consumers do), without waiting on Kafka; the membership tests go through the broker.
 */
public final class Community {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private static final java.util.Random RANDOM = new java.util.Random();

    private Community() {
    }

    /** A word no other test writes, so a search for it finds only what this test wrote. */
    public static String word() {
        StringBuilder w = new StringBuilder("qz");
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return w.toString();
    }

    /** An ACTIVE member of {@code program} in {@code region} at {@code tier} (known names). */
    public static UUID member(UUID program, String region, String tier) {
        UUID partner = UUID.randomUUID();
        apply(EventTypes.PARTNER_ACTIVATED.ceType(), partner,
                new PartnerActivated(partner, program, "Partner " + partner.toString().substring(0, 8), "RESELLER",
                        region, "manager", T0));
        setTier(partner, tier, Instant.now());
        return partner;
    }

    public static void setTier(UUID partner, String tier, Instant at) {
        apply(EventTypes.TIER_CHANGED.ceType(), partner, new TierChanged(UUID.randomUUID(), partner, null, tier, null, at));
    }

    public static void suspend(UUID partner) {
        apply(EventTypes.PARTNER_SUSPENDED.ceType(), partner,
                new PartnerSuspended(partner, UUID.randomUUID(), "test", "manager", Instant.now()));
    }

    public static void reinstate(UUID partner) {
        apply(EventTypes.PARTNER_REINSTATED.ceType(), partner,
                new PartnerReinstated(partner, UUID.randomUUID(), "manager", Instant.now()));
    }

    private static void apply(String type, UUID partner, Object payload) {
        try {
            IncomingEvent event = new IncomingEvent(UUID.randomUUID(), type, "/consort/test", partner.toString(),
                    OffsetDateTime.now(ZoneOffset.UTC), partner.toString(), JSON.readTree(EventSchemas.toJson(payload)));
            MembershipFacts facts = Arc.container().instance(MembershipFacts.class).get();
            QuarkusTransaction.requiringNew().run(() -> facts.apply(event, MembershipFacts.Mode.REPLAY));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
