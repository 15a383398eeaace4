package io.consort.campaign.partner;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.campaign.EventsTopic;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Partners for tests, made the only way the campaign service learns of them: recruitment's and
 * performance's events on the test broker, then waiting until the view shows them.
 */
public final class PartnerFacts {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartnerFacts() {
    }

    /** A partner profile as recruitment's profile-bearing events carry it. */
    public record Profile(UUID partnerId, UUID programId, String name, String region, List<String> specialisations,
            UUID parentPartnerId) {

        public static Profile of(UUID programId, String region, String... specialisations) {
            UUID id = UUID.randomUUID();
            return new Profile(id, programId, "Partner " + id.toString().substring(0, 8), region,
                    List.of(specialisations), null);
        }

        public Profile named(String newName) {
            return new Profile(partnerId, programId, newName, region, specialisations, parentPartnerId);
        }

        public Profile under(UUID parent) {
            return new Profile(partnerId, programId, name, region, specialisations, parent);
        }
    }

    /** An ACTIVE partner at {@code tier}/{@code rank} with a partner-admin contact, once the view shows it. */
    public static UUID active(Profile profile, String tier, int rank) {
        Instant at = Instant.now().minusSeconds(60);
        profileEvent(EventTypes.PARTNER_ONBOARDING_STARTED.ceType(), profile, at);
        profileEvent(EventTypes.PARTNER_ACTIVATED.ceType(), profile, at.plusSeconds(10));
        admin(profile.partnerId(), "admin@" + profile.partnerId().toString().substring(0, 8) + ".example", at.plusSeconds(1));
        if (rank > 0) {
            tier(profile.partnerId(), tier, rank, at.plusSeconds(20));
        }
        return awaitPartner(profile.partnerId(), p -> p.isActive() && p.tierRank() == rank && p.contactEmail() != null)
                .id();
    }

    /** onboarding-started, activated or profile-updated with the whole profile (the fields recruitment is adding included). */
    public static UUID profileEvent(String ceType, Profile profile, Instant at) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("partnerId", profile.partnerId().toString());
        payload.put("programId", profile.programId().toString());
        payload.put("name", profile.name());
        payload.put("partnerType", "RESELLER");
        payload.put("region", profile.region());
        payload.putPOJO("specialisations", profile.specialisations());
        payload.putPOJO("industries", List.of("Retail"));
        payload.put("website", "https://" + profile.partnerId().toString().substring(0, 8) + ".example");
        payload.put("domain", profile.partnerId().toString().substring(0, 8) + ".example");
        payload.put("parentPartnerId", profile.parentPartnerId() == null ? null : profile.parentPartnerId().toString());
        payload.put("listedInDirectory", true);
        payload.putPOJO("changedFields", List.of("name"));
        payload.put("activatedBy", "manager");
        payload.put("updatedBy", "manager");
        payload.put("occurredAt", at.toString());
        return send(Topics.PARTNERS, ceType, profile.partnerId(), payload);
    }

    /** suspended, reinstated or terminated. */
    public static UUID lifecycle(String ceType, UUID partnerId, UUID programId, Instant at) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("partnerId", partnerId.toString());
        payload.put("programId", programId.toString());
        payload.put("reason", "test");
        payload.put("suspendedBy", "manager");
        payload.put("reinstatedBy", "manager");
        payload.put("terminatedBy", "manager");
        payload.put("occurredAt", at.toString());
        return send(Topics.PARTNERS, ceType, partnerId, payload);
    }

    /** partner.user-added for a partner-admin. */
    public static UUID admin(UUID partnerId, String email, Instant at) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("partnerId", partnerId.toString());
        payload.put("userId", UUID.randomUUID().toString());
        payload.put("keycloakUserId", UUID.randomUUID().toString());
        payload.put("email", email);
        payload.put("role", "PARTNER_ADMIN");
        payload.put("occurredAt", at.toString());
        return send(Topics.PARTNERS, EventTypes.PARTNER_USER_ADDED.ceType(), partnerId, payload);
    }

    /** tier.changed; {@code rank} null publishes it without tierRank (as performance did before adding it). */
    public static UUID tier(UUID partnerId, String tier, Integer rank, Instant at) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("scorecardId", UUID.nameUUIDFromBytes(partnerId.toString().getBytes()).toString());
        payload.put("partnerId", partnerId.toString());
        payload.putNull("previousTier");
        payload.put("tier", tier);
        if (rank != null) {
            payload.put("tierRank", rank);
        }
        payload.put("score", 70);
        payload.put("occurredAt", at.toString());
        return send(Topics.PERFORMANCE, EventTypes.TIER_CHANGED.ceType(), partnerId, payload);
    }

    /** Sends the same event again (a redelivery: same ce_id). */
    public static void resend(String topic, String ceType, UUID eventId, UUID partnerId, ObjectNode payload) {
        EventsTopic.send(topic, ceType, eventId, partnerId.toString(), payload.toString());
    }

    private static UUID send(String topic, String ceType, UUID partnerId, ObjectNode payload) {
        String json = payload.toString();
        EventSchemas.assertValid(ceType, json);
        UUID eventId = UUID.randomUUID();
        EventsTopic.send(topic, ceType, eventId, partnerId.toString(), json);
        return eventId;
    }

    /** The view's row of {@code partnerId} once it satisfies {@code until}. */
    public static Partner awaitPartner(UUID partnerId, Predicate<Partner> until) {
        Partner[] seen = new Partner[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen[0] = find(partnerId);
            return seen[0] != null && until.test(seen[0]);
        });
        return seen[0];
    }

    /** The view's row, read outside any request (unscoped). */
    public static Partner find(UUID partnerId) {
        return QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>findById(partnerId));
    }
}
