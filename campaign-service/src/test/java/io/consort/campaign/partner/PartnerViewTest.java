package io.consort.campaign.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consort.campaign.EventsTopic;
import io.consort.chassis.security.PartnerHierarchy;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.consort.testkit.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner view against the real broker and database: built from recruitment's and performance's
 * events through the inbox, order-tolerant, the hierarchy a partner-admin sees through, and the
 * rebuild from offset zero.
 */
@QuarkusTest
class PartnerViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID PROGRAM = UUID.randomUUID();
    /** Fixed ids: @TestSecurity attributes are constants. */
    private static final String DISTRIBUTOR = "0b9a4c1e-7a33-4c52-9d43-3b4a3f0d1001";
    private static final String RESELLER = "0b9a4c1e-7a33-4c52-9d43-3b4a3f0d1002";
    private static final String SUB_RESELLER = "0b9a4c1e-7a33-4c52-9d43-3b4a3f0d1003";

    @Inject
    PartnerHierarchy hierarchy;

    @Inject
    EntityManager em;

    @Test
    void profileEventsBuildThePartnerAtTheEntryTierUntilPerformanceSaysOtherwise() {
        PartnerFacts.Profile profile = PartnerFacts.Profile.of(PROGRAM, "EMEA", "cloud", "security");
        Instant at = Instant.now().minusSeconds(600);
        PartnerFacts.profileEvent(EventTypes.PARTNER_ONBOARDING_STARTED.ceType(), profile, at);
        PartnerFacts.admin(profile.partnerId(), "first-admin@example.com", at.plusSeconds(1));

        Partner onboarding = PartnerFacts.awaitPartner(profile.partnerId(),
                p -> p.status() == PartnerStatus.ONBOARDING && p.contactEmail() != null);
        assertEquals(profile.name(), onboarding.name());
        assertEquals(PROGRAM, onboarding.programId());
        assertEquals("EMEA", onboarding.region());
        assertEquals("RESELLER", onboarding.partnerType());
        assertEquals(List.of("cloud", "security"), onboarding.specialisations());
        assertEquals(List.of("Retail"), onboarding.industries());
        assertEquals("first-admin@example.com", onboarding.contactEmail());
        assertEquals("REGISTERED", onboarding.tier());
        assertEquals(0, onboarding.tierRank());

        PartnerFacts.profileEvent(EventTypes.PARTNER_ACTIVATED.ceType(), profile, at.plusSeconds(10));
        PartnerFacts.tier(profile.partnerId(), "GOLD", 2, at.plusSeconds(20));
        Partner gold = PartnerFacts.awaitPartner(profile.partnerId(), p -> p.isActive() && p.tierRank() == 2);
        assertEquals("GOLD", gold.tier());

        // performance before it added tierRank: the known names rank.
        PartnerFacts.tier(profile.partnerId(), "PLATINUM", null, at.plusSeconds(30));
        assertEquals(3, PartnerFacts.awaitPartner(profile.partnerId(), p -> "PLATINUM".equals(p.tier())).tierRank());
    }

    @Test
    void duplicatesAndLateEventsNeverMoveThePartnerBackwards() {
        PartnerFacts.Profile profile = PartnerFacts.Profile.of(PROGRAM, "APAC", "networking");
        UUID id = profile.partnerId();
        Instant at = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        PartnerFacts.profileEvent(EventTypes.PARTNER_ACTIVATED.ceType(), profile, at);
        PartnerFacts.lifecycle(EventTypes.PARTNER_SUSPENDED.ceType(), id, PROGRAM, at.plusSeconds(30));
        PartnerFacts.awaitPartner(id, p -> p.status() == PartnerStatus.SUSPENDED);

        ObjectNode silver = JSON.createObjectNode().put("scorecardId", UUID.randomUUID().toString())
                .put("partnerId", id.toString()).put("tier", "SILVER").put("tierRank", 1)
                .put("occurredAt", at.plusSeconds(10).toString());
        UUID silverId = UUID.randomUUID();
        PartnerFacts.resend(Topics.PERFORMANCE, EventTypes.TIER_CHANGED.ceType(), silverId, id, silver);
        PartnerFacts.awaitPartner(id, p -> p.tierRank() == 1);
        PartnerFacts.tier(id, "GOLD", 2, at.plusSeconds(40));
        PartnerFacts.awaitPartner(id, p -> p.tierRank() == 2);

        // Late: an activation older than the suspension, a renamed profile older than the first, an older
        // tier; a redelivery of the SILVER event itself; then a marker that must be applied after them all.
        PartnerFacts.lifecycle(EventTypes.PARTNER_REINSTATED.ceType(), id, PROGRAM, at.plusSeconds(20));
        PartnerFacts.profileEvent(EventTypes.PARTNER_PROFILE_UPDATED.ceType(), profile.named("Stale name"), at.minusSeconds(5));
        PartnerFacts.tier(id, "SILVER", 1, at.plusSeconds(35));
        PartnerFacts.resend(Topics.PERFORMANCE, EventTypes.TIER_CHANGED.ceType(), silverId, id, silver);
        PartnerFacts.admin(id, "marker@example.com", at.plusSeconds(50));
        PartnerFacts.tier(id, "GOLD", 2, at.plusSeconds(60)); // marker on the performance topic's partition
        Partner after = PartnerFacts.awaitPartner(id, p -> p.contactEmail() != null
                && p.tierAt().equals(at.plusSeconds(60)));

        assertEquals(PartnerStatus.SUSPENDED, after.status());
        assertEquals(profile.name(), after.name());
        assertEquals("GOLD", after.tier());
        assertEquals(2, after.tierRank());
    }

    @Test
    void aRecordThatCanNeverApplyIsParkedAndConsumptionGoesOn() {
        UUID poisonId = UUID.randomUUID();
        String key = "no-partner-" + poisonId;
        EventsTopic.send(Topics.PARTNERS, EventTypes.PARTNER_SUSPENDED.ceType(), poisonId, key,
                "{\"reason\":\"no partner id\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}");
        var parked = KafkaRecords.await(Topics.deadLetter(Topics.PARTNERS, "campaign"), KafkaRecords.withKey(key),
                Duration.ofSeconds(60));
        assertEquals(true, KafkaRecords.header(parked, "dead-letter-reason").orElse("").contains("has no partnerId"));

        PartnerFacts.Profile profile = PartnerFacts.Profile.of(PROGRAM, "EMEA");
        PartnerFacts.profileEvent(EventTypes.PARTNER_ONBOARDING_STARTED.ceType(), profile, Instant.now());
        PartnerFacts.awaitPartner(profile.partnerId(), p -> p.status() == PartnerStatus.ONBOARDING);
    }

    @Test
    void aParentsDescendantsComeFromParentPartnerId() {
        PartnerFacts.Profile parent = PartnerFacts.Profile.of(PROGRAM, "EMEA");
        PartnerFacts.Profile child = PartnerFacts.Profile.of(PROGRAM, "EMEA").under(parent.partnerId());
        PartnerFacts.Profile grandchild = PartnerFacts.Profile.of(PROGRAM, "EMEA").under(child.partnerId());
        PartnerFacts.Profile stranger = PartnerFacts.Profile.of(PROGRAM, "EMEA");
        Instant at = Instant.now();
        for (PartnerFacts.Profile p : List.of(parent, child, grandchild, stranger)) {
            PartnerFacts.profileEvent(EventTypes.PARTNER_ACTIVATED.ceType(), p, at);
        }
        PartnerFacts.awaitPartner(grandchild.partnerId(), p -> child.partnerId().equals(p.parentPartnerId()));
        PartnerFacts.awaitPartner(stranger.partnerId(), Partner::isActive);

        assertEquals(Set.of(child.partnerId(), grandchild.partnerId()), hierarchy.descendantsOf(parent.partnerId()));
        assertEquals(Set.of(grandchild.partnerId()), hierarchy.descendantsOf(child.partnerId()));
        assertEquals(Set.of(), hierarchy.descendantsOf(stranger.partnerId()));
    }

    private static boolean treePublished;

    /** The distributor tree the two scope tests read, made outside their request (so unscoped) once. */
    @BeforeEach
    void distributorTree() {
        if (treePublished) {
            return;
        }
        treePublished = true;
        PartnerFacts.Profile distributor = new PartnerFacts.Profile(UUID.fromString(DISTRIBUTOR), PROGRAM, "Distributor",
                "EMEA", List.of(), null);
        PartnerFacts.Profile reseller = new PartnerFacts.Profile(UUID.fromString(RESELLER), PROGRAM, "Reseller",
                "EMEA", List.of(), UUID.fromString(DISTRIBUTOR));
        PartnerFacts.Profile sub = new PartnerFacts.Profile(UUID.fromString(SUB_RESELLER), PROGRAM, "Sub-reseller",
                "EMEA", List.of(), UUID.fromString(RESELLER));
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (PartnerFacts.Profile p : List.of(distributor, reseller, sub)) {
            PartnerFacts.profileEvent(EventTypes.PARTNER_ACTIVATED.ceType(), p, at);
        }
        PartnerFacts.awaitPartner(sub.partnerId(), p -> UUID.fromString(RESELLER).equals(p.parentPartnerId()));
        PartnerFacts.awaitPartner(reseller.partnerId(), p -> UUID.fromString(DISTRIBUTOR).equals(p.parentPartnerId()));
    }

    @Test
    @ActivateRequestContext
    @TestSecurity(user = "distributor-admin", roles = "partner-admin",
            attributes = @SecurityAttribute(key = "partner_id", value = DISTRIBUTOR))
    void aPartnerAdminSeesItsOwnAndItsDescendantsRows() {
        List<UUID> seen = QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>listAll().stream().map(Partner::id).toList());
        assertEquals(Set.of(UUID.fromString(DISTRIBUTOR), UUID.fromString(RESELLER), UUID.fromString(SUB_RESELLER)),
                Set.copyOf(seen));
    }

    @Test
    @ActivateRequestContext
    @TestSecurity(user = "reseller-user", roles = "partner-user",
            attributes = @SecurityAttribute(key = "partner_id", value = RESELLER))
    void aPartnerUserSeesOnlyItsOwnRow() {
        List<UUID> seen = QuarkusTransaction.requiringNew().call(() -> Partner.<Partner>listAll().stream().map(Partner::id).toList());
        assertEquals(List.of(UUID.fromString(RESELLER)), seen);
        assertNull(QuarkusTransaction.requiringNew().call(() -> Partner.findById(UUID.fromString(DISTRIBUTOR))));
    }

    @Test
    void rebuildIsForPrmAdminsOnly() {
        given().post("/api/v1/admin/rebuild").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("manager", "channel-manager").sign())
                .post("/api/v1/admin/rebuild").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("partner", "partner-admin").partner(UUID.randomUUID()).sign())
                .post("/api/v1/admin/rebuild").then().statusCode(403);
    }

    @Test
    void rebuildReplaysBothTopicsFromOffsetZero() {
        PartnerFacts.Profile profile = PartnerFacts.Profile.of(PROGRAM, "NA", "data");
        UUID id = PartnerFacts.active(profile, "SILVER", 1);
        UUID phantom = UUID.randomUUID();
        // The view goes wrong (a bad restore, a bug since fixed): a tier and name no event said, a partner no event made.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update partners set tier = 'BOGUS', tier_rank = 9, name = 'Wrong' where id = ?1")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("insert into partners (id, updated_at) values (?1, now())").setParameter(1, phantom)
                    .executeUpdate();
        });

        given().auth().oauth2(TestTokens.user("admin", "prm-admin").sign())
                .post("/api/v1/admin/rebuild").then().statusCode(200)
                .body("removedRows", greaterThanOrEqualTo(2))
                .body("eventsApplied", greaterThanOrEqualTo(4))
                .body("startedAt", org.hamcrest.Matchers.notNullValue());

        Partner rebuilt = PartnerFacts.find(id);
        assertEquals("SILVER", rebuilt.tier());
        assertEquals(1, rebuilt.tierRank());
        assertEquals(profile.name(), rebuilt.name());
        assertEquals(PartnerStatus.ACTIVE, rebuilt.status());
        assertNull(PartnerFacts.find(phantom));
    }
}
