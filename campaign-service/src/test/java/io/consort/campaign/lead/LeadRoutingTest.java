package io.consort.campaign.lead;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.campaign.Callers;
import io.consort.campaign.partner.PartnerFacts;
import io.consort.campaign.routing.Rules;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Lead intake and routing against the real database and broker: offers by rule, contact hidden until
 * accepted, declines routed on and never back, UNROUTED and the vendor's hand, capacity, the weighted
 * rotation's shares, the deadline sweep with two workers, the events.
 */
@QuarkusTest
class LeadRoutingTest {

    private static final UUID PROGRAM = UUID.randomUUID();

    @Inject
    LeadDeadlineSweep sweep;

    private static UUID partner(String region, String tier, int rank, String... specs) {
        return PartnerFacts.active(PartnerFacts.Profile.of(PROGRAM, region, specs), tier, rank);
    }

    private static Map<String, Object> lead(String region) {
        Map<String, Object> lead = new HashMap<>();
        lead.put("company", "Acme " + UUID.randomUUID().toString().substring(0, 6));
        lead.put("contactName", "Jana Novak");
        lead.put("contactEmail", "jana@acme.example");
        lead.put("contactPhone", "+49 30 1234567");
        lead.put("region", region);
        lead.put("specialisation", "cloud");
        lead.put("need", "POS to the cloud");
        return lead;
    }

    private static Response create(String region) {
        return Callers.manager().body(lead(region)).post("/api/v1/leads");
    }

    private static ConsumerRecord<String, String> event(String ceType, String leadId) {
        ConsumerRecord<String, String> record = KafkaRecords.await(Topics.CAMPAIGNS,
                KafkaRecords.withCeType(ceType).and(KafkaRecords.withCeSubject(leadId)), Duration.ofSeconds(30));
        EventSchemas.assertValid(ceType, record.value());
        return record;
    }

    @Test
    void aLeadIsOfferedByRuleAndItsContactShownOnlyAfterAcceptance() {
        String region = Rules.region();
        UUID gold = partner(region, "GOLD", 2, "cloud");
        UUID other = partner(Rules.region(), "GOLD", 2, "cloud");
        Rules.create(region, 5, "PT1H", Map.of("GOLD", 3));

        Response created = create(region);
        created.then().statusCode(201).header("ETag", notNullValue()).header("Location", containsString("/api/v1/leads/"))
                .body("state", equalTo("OFFERED")).body("partnerId", equalTo(gold.toString()))
                .body("source", equalTo("VENDOR")).body("contact.email", equalTo("jana@acme.example"))
                .body("attempt", equalTo(1)).body("acceptBy", notNullValue());
        String id = created.path("id");
        event(EventTypes.LEAD_CREATED.ceType(), id);
        ConsumerRecord<String, String> assigned = event(EventTypes.LEAD_ASSIGNED.ceType(), id);
        assertEquals(gold.toString(), assigned.key());
        assertTrue(assigned.value().contains("region " + region + " matched"), assigned.value());

        Callers.partnerUser(gold).get("/api/v1/leads/{id}", id).then().statusCode(200)
                .body("contactHidden", equalTo(true)).body("contact", nullValue()).body("company", notNullValue());
        Callers.partnerUser(other).get("/api/v1/leads/{id}", id).then().statusCode(404);
        Callers.partnerUser(other).post("/api/v1/leads/{id}/accept", id).then().statusCode(404);
        Callers.manager().post("/api/v1/leads/{id}/accept", id).then().statusCode(403);

        Callers.partnerUser(gold).header("If-Match", "\"99\"").post("/api/v1/leads/{id}/accept", id).then().statusCode(412);
        Callers.partnerUser(gold).post("/api/v1/leads/{id}/accept", id).then().statusCode(200)
                .body("state", equalTo("ACCEPTED")).body("contactHidden", equalTo(false))
                .body("contact.email", equalTo("jana@acme.example"));
        event(EventTypes.LEAD_ACCEPTED.ceType(), id);
        Callers.partnerUser(gold).post("/api/v1/leads/{id}/accept", id).then().statusCode(409);

        UUID deal = UUID.randomUUID();
        Callers.partnerAdmin(gold).body(Map.of("dealId", deal.toString())).post("/api/v1/leads/{id}/convert", id)
                .then().statusCode(200).body("state", equalTo("CONVERTED")).body("dealId", equalTo(deal.toString()));
        event(EventTypes.LEAD_CONVERTED.ceType(), id);
        Callers.partnerAdmin(gold).body(Map.of("reason", "late")).post("/api/v1/leads/{id}/lose", id).then().statusCode(409);

        Callers.partnerUser(gold).get("/api/v1/leads/{id}/routing-history", id).then().statusCode(200)
                .body("kind", equalTo(List.of("OFFERED", "ACCEPTED", "CONVERTED")));
    }

    @Test
    void aDeclinedLeadMovesOnNeverBackAndIsUnroutedWhenNobodyIsLeft() {
        String region = Rules.region();
        UUID first = partner(region, "SILVER", 1, "cloud");
        UUID second = partner(region, "SILVER", 1, "cloud");
        Rules.create(region, 5, "PT1H", Map.of());
        String id = create(region).then().statusCode(201).extract().path("id");
        UUID holder = UUID.fromString(Callers.manager().get("/api/v1/leads/{id}", id).path("partnerId"));
        UUID next = holder.equals(first) ? second : first;

        Callers.partnerUser(holder).body(Map.of()).post("/api/v1/leads/{id}/decline", id).then().statusCode(400);
        Callers.partnerUser(holder).body(Map.of("reason", "outside our territory"))
                .post("/api/v1/leads/{id}/decline", id).then().statusCode(204);
        ConsumerRecord<String, String> rejected = event(EventTypes.LEAD_REJECTED.ceType(), id);
        assertTrue(rejected.value().contains("DECLINED"));
        Callers.partnerUser(holder).get("/api/v1/leads/{id}", id).then().statusCode(404);
        Callers.manager().get("/api/v1/leads/{id}", id).then().statusCode(200)
                .body("partnerId", equalTo(next.toString())).body("attempt", equalTo(2));

        Callers.partnerAdmin(next).body(Map.of("reason", "no capacity")).post("/api/v1/leads/{id}/decline", id)
                .then().statusCode(204);
        Callers.manager().get("/api/v1/leads/{id}", id).then().statusCode(200)
                .body("state", equalTo("UNROUTED")).body("partnerId", nullValue());
        Callers.manager().get("/api/v1/leads?state=UNROUTED&limit=200").then().statusCode(200);
        Callers.manager().get("/api/v1/leads/{id}/routing-history", id).then().statusCode(200)
                .body("kind", equalTo(List.of("OFFERED", "DECLINED", "OFFERED", "DECLINED", "UNROUTED")))
                .body("[2].reason", containsString("previous partner declined"))
                .body("[2].partnerId", equalTo(next.toString()))
                .body("[4].reason", containsString("no eligible partner left"));
        Callers.partnerAdmin(next).get("/api/v1/leads/{id}/routing-history", id).then().statusCode(404);

        Callers.manager().body(Map.of("partnerId", UUID.randomUUID().toString())).post("/api/v1/leads/{id}/assign", id)
                .then().statusCode(422);
        Callers.manager().body(Map.of("partnerId", first.toString())).post("/api/v1/leads/{id}/assign", id)
                .then().statusCode(200).body("state", equalTo("OFFERED")).body("partnerId", equalTo(first.toString()));
        Callers.partnerAdmin(first).get("/api/v1/leads/{id}/routing-history", id).then().statusCode(200)
                .body("kind", hasItemAtEnd("ASSIGNED_BY_HAND"));
    }

    private static org.hamcrest.Matcher<List<String>> hasItemAtEnd(String kind) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<String> items) {
                return !items.isEmpty() && kind.equals(items.get(items.size() - 1));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a list ending in " + kind);
            }
        };
    }

    @Test
    void aPartnerAtCapacityIsSkippedAndTheRestWaitUnrouted() {
        String region = Rules.region();
        partner(region, "GOLD", 2, "cloud");
        partner(region, "GOLD", 2, "cloud");
        Rules.create(region, 1, "PT1H", Map.of());
        UUID a = UUID.fromString(create(region).then().statusCode(201).extract().path("partnerId"));
        UUID b = UUID.fromString(create(region).then().statusCode(201).extract().path("partnerId"));
        assertNotEquals(a, b);
        create(region).then().statusCode(201).body("state", equalTo("UNROUTED"));
    }

    @Test
    void capacityCountsTheOpenLeadsHeldUnderEachRuleSeparately() {
        String home = Rules.region();
        String other = Rules.region();
        UUID program = UUID.randomUUID();
        UUID p = PartnerFacts.active(PartnerFacts.Profile.of(program, home, "cloud"), "GOLD", 2);
        Rules.create(home, 1, "PT1H", Map.of());
        // A second rule for another lead region that admits the program's partners of any region, room for one each.
        Map<String, Object> second = new HashMap<>(Rules.body(other, 1, "PT1H", Map.of()));
        second.put("matchRegion", false);
        second.put("programIds", List.of(program.toString()));
        String otherRule = Callers.manager().body(second).post("/api/v1/routing-rules").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> otherLead = lead(other);

        create(home).then().statusCode(201).body("partnerId", equalTo(p.toString()));
        // Full under the first rule, yet the second rule's capacity is its own: p gets the other region's lead.
        String id = Callers.manager().body(otherLead).post("/api/v1/leads").then().statusCode(201)
                .body("state", equalTo("OFFERED")).body("partnerId", equalTo(p.toString())).extract().path("id");
        List<String> reasons = Callers.manager().get("/api/v1/leads/{id}/routing-history", id).then().statusCode(200)
                .extract().path("reason");
        assertTrue(reasons.get(0).contains("0 of 1 open"), reasons.toString());
        Callers.manager().get("/api/v1/leads/{id}/routing-history", id).then()
                .body("[0].ruleId", equalTo(otherRule));
        // And each rule is full now.
        create(home).then().statusCode(201).body("state", equalTo("UNROUTED"));
        Callers.manager().body(lead(other)).post("/api/v1/leads").then().statusCode(201).body("state", equalTo("UNROUTED"));
    }

    @Test
    void theRotationGivesEachPartnerItsWeightedShare() {
        String region = Rules.region();
        UUID gold = partner(region, "GOLD", 2, "cloud");
        UUID registered = partner(region, "REGISTERED", 0, "cloud");
        partner(region, "GOLD", 2, "data"); // wrong specialisation: never offered a cloud lead
        Rules.create(region, 1000, "PT1H", Map.of("GOLD", 3, "REGISTERED", 1));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            counts.merge(create(region).then().statusCode(201).extract().path("partnerId"), 1, Integer::sum);
        }
        assertEquals(Map.of(gold.toString(), 30, registered.toString(), 10), counts);
        Callers.manager().get("/api/v1/leads?partnerId={p}&state=OFFERED,ACCEPTED&limit=200", registered)
                .then().statusCode(200).body("items", hasSize(10));
        Callers.partnerUser(registered).get("/api/v1/leads?partnerId={p}&state=OFFERED", registered)
                .then().statusCode(200).body("items[0].contact", nullValue());
        Callers.partnerUser(registered).get("/api/v1/leads?partnerId={p}", gold).then().statusCode(404);
        Callers.manager().get("/api/v1/leads?state=MAYBE").then().statusCode(400);
        Callers.manager().get("/api/v1/leads?partnerId=nope").then().statusCode(400);
    }

    /** Two workers sweep the same due offers at once: each times out exactly once, and is offered on once. */
    @Test
    void twoWorkersSweepingTogetherTimeOutEachOfferOnce() throws Exception {
        String region = Rules.region();
        Set<UUID> partners = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            partners.add(partner(region, "GOLD", 2, "cloud"));
        }
        Rules.create(region, 100, "PT1S", Map.of());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(create(region).then().statusCode(201).extract().path("id"));
        }
        String late = ids.get(0);
        UUID lateHolder = UUID.fromString(Callers.manager().get("/api/v1/leads/{id}", late).path("partnerId"));
        Thread.sleep(1200);
        Callers.partnerUser(lateHolder).post("/api/v1/leads/{id}/accept", late).then().statusCode(409)
                .body("detail", containsString("expired"));

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<List<UUID>> one = CompletableFuture.supplyAsync(() -> claim(start));
        CompletableFuture<List<UUID>> two = CompletableFuture.supplyAsync(() -> claim(start));
        start.countDown();
        List<UUID> first = one.get();
        List<UUID> second = two.get();
        Set<UUID> both = new HashSet<>(first);
        both.retainAll(second);
        assertEquals(Set.of(), both, "an offer claimed by both workers");
        Set<String> swept = new HashSet<>();
        first.forEach(id -> swept.add(id.toString()));
        second.forEach(id -> swept.add(id.toString()));
        assertTrue(swept.containsAll(ids), "every due offer swept: " + swept);

        for (String id : ids) {
            List<String> kinds = Callers.manager().get("/api/v1/leads/{id}/routing-history", id).path("kind");
            assertEquals(List.of("OFFERED", "TIMED_OUT", "OFFERED"), kinds, "lead " + id);
            Callers.manager().get("/api/v1/leads/{id}", id).then().body("attempt", equalTo(2))
                    .body("state", equalTo("OFFERED"));
            List<String> offeredTo = Callers.manager().get("/api/v1/leads/{id}/routing-history", id).path("partnerId");
            assertNotEquals(offeredTo.get(0), offeredTo.get(2), "offered back to the partner that timed out");
        }
        ConsumerRecord<String, String> timedOut = event(EventTypes.LEAD_REJECTED.ceType(), late);
        assertTrue(timedOut.value().contains("TIMED_OUT"));
        assertEquals(1, KafkaRecords.current(Topics.CAMPAIGNS, KafkaRecords.withCeType(EventTypes.LEAD_REJECTED.ceType())
                .and(KafkaRecords.withCeSubject(late))).size());
    }

    private List<UUID> claim(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<UUID> claimed = new ArrayList<>();
        List<UUID> batch;
        do {
            batch = sweep.sweepBatch();
            claimed.addAll(batch);
        } while (!batch.isEmpty() && QuarkusTransaction.requiringNew().call(() -> false));
        return claimed;
    }

    @Test
    void integratorsUpsertByExternalId() {
        String region = Rules.region();
        partner(region, "GOLD", 2, "cloud");
        Rules.create(region, 5, "PT1H", Map.of());
        String system = "salesforce";
        String external = "00Q" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = lead(region);
        Response created = Callers.integrator().body(body).put("/api/v1/leads/by-external-id/{s}/{e}", system, external);
        created.then().statusCode(201).body("source", equalTo("INTEGRATOR")).body("externalId", equalTo(external))
                .body("state", equalTo("OFFERED"));
        body.put("need", "Now 60 stores");
        Callers.integrator().body(body).header("If-Match", "\"42\"")
                .put("/api/v1/leads/by-external-id/{s}/{e}", system, external).then().statusCode(412);
        Callers.integrator().body(body).put("/api/v1/leads/by-external-id/{s}/{e}", system, external).then()
                .statusCode(200).body("id", equalTo(created.path("id"))).body("need", equalTo("Now 60 stores"))
                .body("attempt", equalTo(1));
    }

    @Test
    void intakeIsForTheVendorSideAndRefusesBadLeads() {
        Callers.anonymous().body(lead("EMEA")).post("/api/v1/leads").then().statusCode(401);
        Callers.partnerAdmin(UUID.randomUUID()).body(lead("EMEA")).post("/api/v1/leads").then().statusCode(403);
        Map<String, Object> bad = lead("EMEA");
        bad.put("contactEmail", "not-an-email");
        bad.remove("company");
        Callers.manager().body(bad).post("/api/v1/leads").then().statusCode(400)
                .contentType("application/problem+json");
        Callers.manager().get("/api/v1/leads/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingNew() {
        String region = Rules.region();
        Map<String, Object> body = lead(region);
        String key = UUID.randomUUID().toString();
        String id = Callers.manager().header("Idempotency-Key", key).body(body).post("/api/v1/leads")
                .then().statusCode(201).body("state", equalTo("UNROUTED")).extract().path("id");
        Callers.manager().header("Idempotency-Key", key).body(body).post("/api/v1/leads").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
    }
}
