package io.consort.performance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.CertificationEarned;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.testkit.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The scoreboard from events: a partner's facts from recruitment and campaign turn into a score, a
 * tier with its explanation, "as of" answers and history, and score.changed / tier.changed on
 * {@code prm.performance}, checked against their schemas.
 */
@QuarkusTest
@TestSecurity(user = "manager", roles = "channel-manager")
class StandingsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ACME = "7a1d2c3b-4a59-4e68-8d7c-6b5a49382799";

    @Test
    void aWonDealAndTwoCertifiedPeopleMakeAPartnerGold_andALossStartsTheGracePeriod() throws Exception {
        UUID partner = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant opened = today.minusDays(10).atTime(9, 0).toInstant(ZoneOffset.UTC);
        given().contentType("application/json").body("""
                {"kpis": [{"kpi": "WON_REVENUE", "weight": 70, "target": 100000},
                          {"kpi": "CERTIFIED_PEOPLE", "weight": 30, "target": 2}], "effectiveFrom": "2020-01-01"}""")
                .put("/api/v1/scorecard-definitions/{id}", program).then()
                .statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));

        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner,
                new PartnerOnboardingStarted(partner, program, "Acme Networks", "RESELLER", "EMEA", opened));
        JsonNode opening = payload(awaitEvent(partner, EventTypes.TIER_CHANGED.ceType(), 1).get(0));
        assertTrue(opening.get("previousTier").isNull());
        assertEquals("REGISTERED", opening.get("tier").asText());
        assertEquals(0, opening.get("tierRank").asInt());

        for (String person : List.of("ana", "ben")) {
            PartnersTopic.publish(EventTypes.CERTIFICATION_EARNED, partner, new CertificationEarned(UUID.randomUUID(), partner,
                    person, UUID.randomUUID(), UUID.randomUUID(), "Networking Pro", null, opened.plus(1, ChronoUnit.DAYS)));
        }
        UUID deal = UUID.randomUUID();
        String closedOn = today.minusDays(3).toString();
        PartnersTopic.publishJson(Topics.CAMPAIGNS, "consort.deal.won.v1", UUID.randomUUID(), partner.toString(), """
                {"dealId": "%s", "partnerId": "%s", "customerName": "Initech", "customerDomain": "initech.example",
                 "products": ["Routers"], "amount": {"amount": "300000.00", "currency": "EUR"}, "closedOn": "%s",
                 "leadId": null, "campaignId": null, "occurredAt": "%s"}"""
                .formatted(deal, partner, closedOn, today.minusDays(2).atTime(15, 0).toInstant(ZoneOffset.UTC)));

        // Recruitment's and campaign's topics are read side by side: the tier may pass SILVER on the way.
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(200).body("tier", equalTo("GOLD")));
        List<ConsumerRecord<String, String>> changes = awaitLast(partner, EventTypes.TIER_CHANGED.ceType(), "tier", "GOLD");
        JsonNode gold = payload(changes.get(changes.size() - 1));
        assertTrue(List.of("REGISTERED", "SILVER").contains(gold.get("previousTier").asText()));
        assertEquals("GOLD", gold.get("tier").asText());
        assertEquals(2, gold.get("tierRank").asInt());
        assertEquals(100, gold.get("score").asInt());
        List<ConsumerRecord<String, String>> scores = awaitLast(partner, EventTypes.SCORE_CHANGED.ceType(), "score", "100");
        JsonNode lastScore = payload(scores.get(scores.size() - 1));
        assertEquals(100, lastScore.get("score").asInt());
        assertEquals(program.toString(), lastScore.get("programId").asText());
        int tierChanges = changes.size();
        int scoreChanges = scores.size();

        given().get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(200)
                .body("tier", equalTo("GOLD"))
                .body("tierRank", equalTo(2))
                .body("score", equalTo(100))
                .body("kpis", hasSize(2))
                .body("kpis[0].kpi", equalTo("WON_REVENUE"))
                .body("kpis[0].value", equalTo(300000.00f))
                .body("kpis[0].weight", equalTo(70))
                .body("kpis[0].contribution", equalTo(70.00f))
                .body("explanation", startsWith("GOLD because score 100 ≥ 65 and 2 certified people ≥ 2 and "
                        + "trailing-12-month revenue 300000 EUR ≥ 100000 EUR; PLATINUM needs 4 certified people, has 2, "
                        + "revenue ≥ 1000000 EUR, has 300000 EUR"));

        // As of the day before the deal closed: what was stored for that day, not today's state.
        given().queryParam("asOf", today.minusDays(4).toString()).get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(200)
                .body("asOf", equalTo(today.minusDays(4).toString()))
                .body("tier", equalTo("REGISTERED"))
                .body("score", equalTo(30));
        given().queryParam("asOf", today.minusDays(30).toString()).get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(404);
        given().queryParam("asOf", "last tuesday").get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));

        given().queryParam("limit", 8).get("/api/v1/scorecards/{id}/history", partner).then()
                .statusCode(200)
                .body("items", hasSize(8))
                .body("items[0].day", equalTo(today.minusDays(10).toString()))
                .body("items[7].day", equalTo(closedOn))
                .body("items[7].tier", equalTo("GOLD"))
                .body("items[7].kpis.DEALS_WON", equalTo(1))
                .body("nextCursor", notNullValue());

        // The deal is lost after all: the score drops at once, the tier waits out the grace period.
        PartnersTopic.publishJson(Topics.CAMPAIGNS, "consort.deal.lost.v1", UUID.randomUUID(), partner.toString(), """
                {"dealId": "%s", "partnerId": "%s", "amount": {"amount": "300000.00", "currency": "EUR"},
                 "reason": "customer backed out", "leadId": null, "campaignId": null, "occurredAt": "%s"}"""
                .formatted(deal, partner, Instant.now()));
        JsonNode dropped = payload(awaitEvent(partner, EventTypes.SCORE_CHANGED.ceType(), scoreChanges + 1).get(scoreChanges));
        assertEquals(100, dropped.get("previousScore").asInt());
        assertEquals(30, dropped.get("score").asInt());
        given().get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(200)
                .body("tier", equalTo("GOLD"))
                .body("eligibleTier", equalTo("REGISTERED"))
                .body("downgradeDueOn", equalTo(today.plusDays(30).toString()))
                .body("explanation", startsWith("GOLD held in its grace period until " + today.plusDays(30)));
        assertEquals(tierChanges, KafkaRecords.current(Topics.PERFORMANCE, KafkaRecords.withKey(partner.toString())
                .and(KafkaRecords.withCeType(EventTypes.TIER_CHANGED.ceType()))).size(), "no tier change while in grace");
    }

    @Test
    void aLateCertificationLandsOnTheDayItWasEarned() {
        UUID partner = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner, new PartnerOnboardingStarted(partner,
                UUID.randomUUID(), "Globex", "MSP", "APAC", today.minusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC)));
        awaitEvent(partner, EventTypes.TIER_CHANGED.ceType(), 1);
        PartnersTopic.publish(EventTypes.CERTIFICATION_EARNED, partner, new CertificationEarned(UUID.randomUUID(), partner,
                "ana", UUID.randomUUID(), UUID.randomUUID(), "Cloud Pro", null,
                today.minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC)));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/scorecards/{id}/history", partner).then()
                .statusCode(200)
                .body("items", hasSize(6))
                .body("items[1].kpis.CERTIFIED_PEOPLE", equalTo(0))
                .body("items[2].kpis.CERTIFIED_PEOPLE", equalTo(1))
                .body("items[5].kpis.CERTIFIED_PEOPLE", equalTo(1)));
    }

    @Test
    @TestSecurity(user = "acme-user", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerSeesOnlyItsOwnHistory() {
        Cards.open(UUID.fromString(ACME), UUID.randomUUID(), Instant.now().minus(2, ChronoUnit.DAYS));
        UUID other = UUID.randomUUID();
        Cards.open(other, UUID.randomUUID(), Instant.now().minus(2, ChronoUnit.DAYS));
        given().get("/api/v1/scorecards/{id}/history", ACME).then().statusCode(200).body("items", hasSize(3));
        given().get("/api/v1/scorecards/{id}/history", other).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("asOf", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                .get("/api/v1/scorecards/{id}", other).then().statusCode(404);
    }

    @Test
    void theTierLadderIsReadAndReplacedWithItsVersion() {
        String etag = given().get("/api/v1/tiers").then().statusCode(200)
                .body("tiers.name", equalTo(List.of("REGISTERED", "SILVER", "GOLD", "PLATINUM")))
                .body("tiers[0].rank", equalTo(0))
                .body("tiers[3].minTrailingRevenue.amount", equalTo("1000000.00"))
                .body("graceDays", equalTo(30))
                .extract().header("ETag");
        String ladder = given().get("/api/v1/tiers").then().extract().asString();
        given().contentType("application/json").body("""
                {"tiers": [{"name": "REGISTERED", "rank": 0, "minScore": 10}, {"name": "gold", "rank": 0, "minScore": 101}],
                 "graceDays": 30}""").put("/api/v1/tiers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("tiers[1].minScore"));
        given().contentType("application/json").header("If-Match", "\"99\"").body(ladder).put("/api/v1/tiers").then()
                .statusCode(412);
        given().contentType("application/json").header("If-Match", etag).body(ladder).put("/api/v1/tiers").then()
                .statusCode(200).body("tiers", hasSize(4));
    }

    @Test
    @TestSecurity(user = "acme-user", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void partnersCannotChangeTiersDefinitionsOrRates() {
        given().contentType("application/json").body("{\"tiers\": [], \"graceDays\": 1}").put("/api/v1/tiers").then()
                .statusCode(403);
        given().contentType("application/json").body("{\"kpis\": []}")
                .put("/api/v1/scorecard-definitions/{id}", UUID.randomUUID()).then().statusCode(403);
        given().contentType("application/json").body("{\"rate\": \"1.1\"}")
                .put("/api/v1/exchange-rates/USD/2026-01-01").then().statusCode(403);
    }

    @Test
    void aDefinitionWhoseWeightsDoNotAddUpIsRefused() {
        given().contentType("application/json").body("""
                {"kpis": [{"kpi": "DEALS_WON", "weight": 50, "target": 10}]}""")
                .put("/api/v1/scorecard-definitions/{id}", UUID.randomUUID()).then()
                .statusCode(400).body("errors[0].field", equalTo("kpis"));
        given().contentType("application/json").body("""
                {"kpis": [{"kpi": "NOT_A_KPI", "weight": 100, "target": 10}]}""")
                .put("/api/v1/scorecard-definitions/{id}", UUID.randomUUID()).then().statusCode(400);
        given().get("/api/v1/scorecard-definitions/{id}", UUID.randomUUID()).then()
                .statusCode(200).body("version", equalTo(0)).body("kpis", hasSize(9));
    }

    @Test
    void exchangeRatesAreVendorMaintainedAndVersioned() {
        given().contentType("application/json").body("{\"rate\": \"0.92\"}")
                .put("/api/v1/exchange-rates/USD/2026-01-01").then()
                .statusCode(201).header("Location", containsString("/api/v1/exchange-rates/USD/2026-01-01"))
                .body("rate", equalTo("0.92")).body("baseCurrency", equalTo("EUR"));
        given().contentType("application/json").header("If-Match", "\"7\"").body("{\"rate\": \"0.93\"}")
                .put("/api/v1/exchange-rates/USD/2026-01-01").then().statusCode(412);
        given().contentType("application/json").body("{\"rate\": \"0.93\"}")
                .put("/api/v1/exchange-rates/USD/2026-01-01").then().statusCode(200).body("rate", equalTo("0.93"));
        given().get("/api/v1/exchange-rates/USD/2026-01-01").then().statusCode(200).body("rate", equalTo("0.93"));
        given().queryParam("currency", "USD").get("/api/v1/exchange-rates").then().statusCode(200)
                .body("items.validFrom", org.hamcrest.Matchers.hasItem("2026-01-01"));
        given().contentType("application/json").body("{\"rate\": \"-1\"}")
                .put("/api/v1/exchange-rates/USD/2026-01-01").then().statusCode(400);
        given().contentType("application/json").body("{\"rate\": \"1\"}")
                .put("/api/v1/exchange-rates/EUR/2026-01-01").then().statusCode(400);
        given().contentType("application/json").body("{\"rate\": \"1\"}")
                .put("/api/v1/exchange-rates/usd/2026-01-01").then().statusCode(400);
        given().get("/api/v1/exchange-rates/GBP/2026-01-01").then().statusCode(404);
    }

    /** Waits for at least {@code n} events of the type about the partner, each valid against its schema. */
    static List<ConsumerRecord<String, String>> awaitEvent(UUID partner, String ceType, int n) {
        List<ConsumerRecord<String, String>> records = KafkaRecords.awaitCount(Topics.PERFORMANCE,
                KafkaRecords.withKey(partner.toString()).and(KafkaRecords.withCeType(ceType)), n, PATIENCE);
        records.forEach(r -> EventSchemas.assertValid(ceType, r.value()));
        return records;
    }

    /** The events of the type about the partner once the latest of them has {@code field} = {@code value}. */
    static List<ConsumerRecord<String, String>> awaitLast(UUID partner, String ceType, String field, String value) {
        List<List<ConsumerRecord<String, String>>> found = new java.util.ArrayList<>(List.of(List.of()));
        await().atMost(PATIENCE).until(() -> {
            List<ConsumerRecord<String, String>> now = awaitEvent(partner, ceType, 1);
            found.set(0, now);
            return payload(now.get(now.size() - 1)).get(field).asText().equals(value);
        });
        return found.get(0);
    }

    static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
