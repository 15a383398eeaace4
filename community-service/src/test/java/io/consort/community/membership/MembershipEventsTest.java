package io.consort.community.membership;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.community.EventFeed;
import io.consort.community.Tokens;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.PartnerActivated;
import io.consort.contracts.events.PartnerProfileUpdated;
import io.consort.contracts.events.PartnerReinstated;
import io.consort.contracts.events.PartnerSuspended;
import io.consort.contracts.events.PartnerTerminated;
import io.consort.contracts.events.TierChanged;
import io.consort.testkit.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Memberships from prm.partners and prm.performance on the real broker, live and rebuilt from offset zero. */
@QuarkusTest
class MembershipEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @Inject
    EntityManager em;

    private static Instant t(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    @Test
    void anActivatedPartnerBecomesAMemberAndTheSuiteHearsOfIt() {
        UUID partner = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        EventFeed.publish(EventTypes.PARTNER_ACTIVATED, partner,
                new PartnerActivated(partner, program, "Acme Networks", "RESELLER", "EMEA", "manager", t(0)));

        awaitMember(partner, "ACTIVE", "REGISTERED");
        given().auth().oauth2(Tokens.manager()).get("/api/v1/members/{id}", partner).then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("programId", equalTo(program.toString()))
                .body("region", equalTo("EMEA"))
                .body("tierRank", equalTo(0))
                .body("joinedAt", equalTo(t(0).toString()));

        ConsumerRecord<String, String> joined = KafkaRecords.await(Topics.COMMUNITY,
                KafkaRecords.withKey(partner.toString()).and(KafkaRecords.withCeType(EventTypes.MEMBER_JOINED.ceType())),
                PATIENCE);
        EventSchemas.assertValid(EventTypes.MEMBER_JOINED.ceType(), joined.value());
        assertEquals(true, joined.value().contains("\"memberId\":\"" + Member.idFor(partner) + "\""));
    }

    @Test
    void tiersFollowPerformanceAndAnOlderChangeArrivingLateIsIgnored() {
        UUID partner = activated("EMEA");
        EventFeed.publishJson(EventTypes.TIER_CHANGED, UUID.randomUUID(), partner, """
                {"scorecardId":"%s","partnerId":"%s","previousTier":"SILVER","tier":"DIAMOND","tierRank":4,"occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), partner, t(20)));
        EventFeed.publish(EventTypes.TIER_CHANGED, partner, new TierChanged(UUID.randomUUID(), partner, null, "SILVER", 40, t(10)));
        // Same key, same partition: once the marker is applied, everything before it was too.
        EventFeed.publish(EventTypes.PARTNER_PROFILE_UPDATED, partner, new PartnerProfileUpdated(partner, UUID.randomUUID(),
                List.of("name"), "Marker", null, null, null, List.of(), List.of(), null, false, "manager", t(30)));

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(Tokens.manager())
                .get("/api/v1/members/{id}", partner).then().statusCode(200).body("name", equalTo("Marker")));
        given().auth().oauth2(Tokens.manager()).get("/api/v1/members/{id}", partner).then()
                .body("tier", equalTo("DIAMOND")).body("tierRank", equalTo(4));
    }

    @Test
    void terminationClosesTheMembershipForGoodAndSaysSo() {
        UUID partner = activated("EMEA");
        EventFeed.publish(EventTypes.PARTNER_TERMINATED, partner,
                new PartnerTerminated(partner, UUID.randomUUID(), "Contract ended", "manager", t(10)));
        EventFeed.publish(EventTypes.PARTNER_REINSTATED, partner, new PartnerReinstated(partner, UUID.randomUUID(), "manager", t(20)));

        ConsumerRecord<String, String> left = KafkaRecords.await(Topics.COMMUNITY,
                KafkaRecords.withKey(partner.toString()).and(KafkaRecords.withCeType(EventTypes.MEMBER_LEFT.ceType())),
                PATIENCE);
        EventSchemas.assertValid(EventTypes.MEMBER_LEFT.ceType(), left.value());
        awaitMember(partner, "CLOSED", "REGISTERED");
    }

    @Test
    void rebuildingFromOffsetZeroGivesWhatTheLiveConsumersBuiltDespiteDuplicatesAndReordering() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        // a: reinstated fact published before the suspension it follows; its activation delivered twice.
        UUID activation = UUID.randomUUID();
        EventFeed.publish(EventTypes.PARTNER_ACTIVATED, activation, a, new PartnerActivated(a, program, "A", "RESELLER", "EMEA", "m", t(0)));
        EventFeed.publish(EventTypes.PARTNER_REINSTATED, a, new PartnerReinstated(a, program, "m", t(20)));
        EventFeed.publish(EventTypes.PARTNER_SUSPENDED, a, new PartnerSuspended(a, program, "late", "m", t(10)));
        EventFeed.publish(EventTypes.PARTNER_ACTIVATED, activation, a, new PartnerActivated(a, program, "A", "RESELLER", "EMEA", "m", t(0)));
        // b: tiers out of order and duplicated, on the other topic.
        UUID gold = UUID.randomUUID();
        EventFeed.publish(EventTypes.TIER_CHANGED, gold, b, new TierChanged(UUID.randomUUID(), b, "SILVER", "GOLD", 80, t(30)));
        EventFeed.publish(EventTypes.PARTNER_ACTIVATED, b, new PartnerActivated(b, program, "B", "MSP", "APAC", "m", t(0)));
        EventFeed.publish(EventTypes.TIER_CHANGED, b, new TierChanged(UUID.randomUUID(), b, null, "SILVER", 50, t(5)));
        EventFeed.publish(EventTypes.TIER_CHANGED, gold, b, new TierChanged(UUID.randomUUID(), b, "SILVER", "GOLD", 80, t(30)));
        // c: terminated before its activation arrives.
        EventFeed.publish(EventTypes.PARTNER_TERMINATED, c, new PartnerTerminated(c, program, "fraud", "m", t(40)));
        EventFeed.publish(EventTypes.PARTNER_ACTIVATED, c, new PartnerActivated(c, program, "C", "RESELLER", "NA", "m", t(1)));

        awaitMember(a, "ACTIVE", "REGISTERED");
        awaitMember(b, "ACTIVE", "GOLD");
        awaitMember(c, "CLOSED", "REGISTERED");
        List<String> live = snapshot(a, b, c);
        // Spoil what the live consumers built (a moved backwards, b gone, c reopened): only a real fold from
        // offset zero can give the live state back, not a rebuild that leaves the rows alone.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update member set status = 'SUSPENDED', tier = 'PLATINUM', tier_rank = 3 where partner_id = ?1")
                    .setParameter(1, a).executeUpdate();
            em.createNativeQuery("delete from member where partner_id = ?1").setParameter(1, b).executeUpdate();
            em.createNativeQuery("update member set status = 'ACTIVE', left_at = null where partner_id = ?1")
                    .setParameter(1, c).executeUpdate();
        });
        org.junit.jupiter.api.Assertions.assertNotEquals(live, snapshot(a, b, c));

        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/rebuild").then()
                .statusCode(200)
                .body("eventsApplied", org.hamcrest.Matchers.greaterThanOrEqualTo(9));

        assertEquals(live, snapshot(a, b, c));
        assertEquals(1, KafkaRecords.current(Topics.COMMUNITY, KafkaRecords.withKey(a.toString())
                .and(KafkaRecords.withCeType(EventTypes.MEMBER_JOINED.ceType()))).size(),
                "neither the duplicate nor the rebuild announces the join again");
    }

    @Test
    void aPartnerSeesItselfAndListedMembersButNotUnlistedOnes() {
        UUID me = activated("EMEA");
        UUID listed = UUID.randomUUID();
        EventFeed.publishJson(EventTypes.PARTNER_ACTIVATED, UUID.randomUUID(), listed, """
                {"partnerId":"%s","programId":"%s","name":"Listed","partnerType":"RESELLER","region":"EMEA",
                 "activatedBy":"m","listedInDirectory":true,"occurredAt":"%s"}""".formatted(listed, UUID.randomUUID(), t(0)));
        UUID hidden = activated("EMEA");
        awaitMember(listed, "ACTIVE", "REGISTERED");

        String token = Tokens.partnerUser("pat", me);
        given().auth().oauth2(token).get("/api/v1/members/{id}", me).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/members/{id}", listed).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/members/{id}", hidden).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("limit", 200).get("/api/v1/members").then().statusCode(200)
                .body("items.partnerId", hasItem(me.toString()))
                .body("items.partnerId", not(hasItem(hidden.toString())));
    }

    @Test
    void membershipOperationsRefuseWhoMayNot() {
        given().get("/api/v1/members").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/members/{id}", UUID.randomUUID()).then().statusCode(401);
        given().post("/api/v1/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.roleless()).get("/api/v1/members").then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).post("/api/v1/admin/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.partnerAdmin("pa", UUID.randomUUID())).post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).get("/api/v1/members/{id}", UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.manager()).queryParam("status", "NOPE").get("/api/v1/members").then().statusCode(400);
    }

    private UUID activated(String region) {
        UUID partner = UUID.randomUUID();
        EventFeed.publish(EventTypes.PARTNER_ACTIVATED, partner,
                new PartnerActivated(partner, UUID.randomUUID(), "P", "RESELLER", region, "manager", t(0)));
        awaitMember(partner, "ACTIVE", "REGISTERED");
        return partner;
    }

    private static void awaitMember(UUID partner, String status, String tier) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.manager()).get("/api/v1/members/{id}", partner).then()
                        .statusCode(200).body("status", equalTo(status)).body("tier", equalTo(tier)));
    }

    @SuppressWarnings("unchecked")
    private List<String> snapshot(UUID... partners) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery("""
                select id, partner_id, program_id, name, region, listed_in_directory, profile_at, status, status_at,
                       tier, tier_rank, tier_at, joined_at, left_at
                from member where partner_id = any(?1) order by partner_id""")
                .setParameter(1, partners).getResultList())
                .stream().map(java.util.Arrays::toString).toList());
    }
}
