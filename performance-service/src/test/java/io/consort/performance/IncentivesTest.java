package io.consort.performance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.contracts.events.CertificationEarned;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.consort.performance.domain.IncentiveRules;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Incentives and attribution from events: rebates by tier, bonuses, a reversal when a won deal is
 * lost, each line published as incentive.accrued; revenue credited once as sourced or influenced.
 */
@QuarkusTest
@TestSecurity(user = "manager", roles = "channel-manager")
class IncentivesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String INITECH = "8b2e3d4c-5b6a-4f79-9e8d-7c6b5a4f3e21";

    @Test
    void rebatesBonusesAndTheReversalOfALostDealAreAccruedInTheLedger() {
        UUID partner = UUID.randomUUID();
        UUID program = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().contentType("application/json").body("""
                {"kpis": [{"kpi": "WON_REVENUE", "weight": 70, "target": 100000},
                          {"kpi": "CERTIFIED_PEOPLE", "weight": 30, "target": 2}], "effectiveFrom": "2020-01-01"}""")
                .put("/api/v1/scorecard-definitions/{id}", program).then().statusCode(200);
        Instant opened = today.minusDays(6).atStartOfDay().toInstant(ZoneOffset.UTC);
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner,
                new PartnerOnboardingStarted(partner, program, "Initech", "RESELLER", "EMEA", opened));
        for (String person : List.of("ana", "ben")) {
            PartnersTopic.publish(EventTypes.CERTIFICATION_EARNED, partner, new CertificationEarned(UUID.randomUUID(), partner,
                    person, UUID.randomUUID(), UUID.randomUUID(), "Networking Pro", null, opened.plusSeconds(3600)));
        }
        // The certifications counted before the deal comes: the campaign topic is read concurrently, and a
        // win applied before them would earn a lower tier's rebate first and a correcting line after.
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertEquals(2, given()
                .get("/api/v1/scorecards/{id}", partner).then().statusCode(200).extract().jsonPath()
                .<Number>get("kpis.find { it.kpi == 'CERTIFIED_PEOPLE' }.value").intValue()));
        UUID deal = UUID.randomUUID();
        publishCampaign("consort.deal.registered.v1", partner, """
                {"dealId": "%s", "partnerId": "%s", "customerName": "Umbrella", "customerDomain": "umbrella.example",
                 "products": ["Switches"], "amount": {"amount": "300000.00", "currency": "EUR"},
                 "expectedCloseDate": "%s", "leadId": null, "campaignId": null, "occurredAt": "%s"}"""
                .formatted(deal, partner, today, opened.plusSeconds(7200)));
        publishCampaign("consort.deal.won.v1", partner, won(deal, partner, "300000.00", today.minusDays(2), null));

        // GOLD on the close date (score 100, 2 certified, revenue ≥ 100000): 4% of 300000
        List<JsonNode> accrued = accrued(partner, 4);
        String period = IncentiveRules.period(today.minusDays(2));
        JsonPath statement = given().queryParam("period", period).get("/api/v1/incentives/{id}/statement", partner).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("BONUS", "BONUS", "BONUS", "REBATE"), statement.getList("lines.kind").stream().sorted().toList());
        assertEquals("12000.00", statement.getString("rebates.amount"));
        assertEquals("1500.00", statement.getString("bonuses.amount"));
        assertEquals("13500.00", statement.getString("net.amount"));
        assertEquals("EUR", statement.getString("net.currency"));
        JsonNode rebate = accrued.stream().filter(e -> e.get("kind").asText().equals("REBATE")).findFirst().orElseThrow();
        assertEquals("12000.00", rebate.get("amount").get("amount").asText());
        assertEquals(deal.toString(), rebate.get("dealId").asText());
        assertEquals("GOLD rebate 4% of won revenue 300000.00 EUR", rebate.get("reason").asText());

        given().get("/api/v1/attribution/{id}", partner).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("SOURCED"))
                .body("items[0].amount.amount", equalTo("300000.00"))
                .body("items[0].evidenceType", equalTo("consort.deal.registered.v1"));

        publishCampaign("consort.deal.lost.v1", partner, """
                {"dealId": "%s", "partnerId": "%s", "amount": {"amount": "300000.00", "currency": "EUR"}, "reason": null,
                 "leadId": null, "campaignId": null, "occurredAt": "%s"}""".formatted(deal, partner, Instant.now()));
        JsonNode reversal = accrued(partner, 5).stream().filter(e -> e.get("kind").asText().equals("REVERSAL"))
                .findFirst().orElseThrow();
        assertEquals("-12000.00", reversal.get("amount").get("amount").asText());
        given().queryParam("period", IncentiveRules.period(today)).get("/api/v1/incentives/{id}/statement", partner).then()
                .statusCode(200).body("reversals.amount", equalTo("-12000.00"));
        given().get("/api/v1/attribution/{id}", partner).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].amount.amount", equalTo("-300000.00"))
                .body("items[1].evidenceType", equalTo("consort.deal.lost.v1"));
    }

    @Test
    void aDealWithoutRegistrationIsInfluencedByCampaignEngagementUntilALateRegistrationMakesItSourced() {
        UUID partner = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, partner, new PartnerOnboardingStarted(partner,
                UUID.randomUUID(), "Hooli", "MSP", "AMER", today.minusDays(20).atStartOfDay().toInstant(ZoneOffset.UTC)));
        publishCampaign("consort.campaign.engagement-recorded.v1", partner, """
                {"engagementId": "%s", "campaignId": "%s", "partnerId": "%s", "kind": "FORM_FILL", "leadId": null,
                 "occurredAt": "%s"}""".formatted(UUID.randomUUID(), campaign, partner,
                today.minusDays(10).atTime(10, 0).toInstant(ZoneOffset.UTC)));
        UUID deal = UUID.randomUUID();
        publishCampaign("consort.deal.won.v1", partner, won(deal, partner, "5000.00", today.minusDays(1), campaign));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/attribution/{id}", partner).then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].kind", equalTo("INFLUENCED"))
                .body("items[0].evidenceType", equalTo("consort.campaign.engagement-recorded.v1")));

        publishCampaign("consort.deal.registered.v1", partner, """
                {"dealId": "%s", "partnerId": "%s", "customerName": "Umbrella", "customerDomain": "umbrella.example",
                 "products": [], "amount": {"amount": "5000.00", "currency": "EUR"}, "expectedCloseDate": "%s",
                 "leadId": null, "campaignId": "%s", "occurredAt": "%s"}"""
                .formatted(deal, partner, today, campaign, today.minusDays(15).atStartOfDay().toInstant(ZoneOffset.UTC)));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/v1/attribution/{id}", partner).then()
                .statusCode(200).body("items", hasSize(3))
                .body("items.kind", equalTo(List.of("INFLUENCED", "INFLUENCED", "SOURCED")))
                .body("items.amount.amount", equalTo(List.of("5000.00", "-5000.00", "5000.00"))));
    }

    @Test
    @TestSecurity(user = "initech-user", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = INITECH))
    void aPartnerSeesOnlyItsOwnStatementAndAttribution() {
        Cards.open(UUID.fromString(INITECH), UUID.randomUUID(), Instant.now());
        given().get("/api/v1/incentives/{id}/statement", INITECH).then().statusCode(200)
                .body("partnerId", equalTo(INITECH)).body("net.amount", equalTo("0.00"));
        UUID other = UUID.randomUUID();
        Cards.open(other, UUID.randomUUID(), Instant.now());
        given().get("/api/v1/incentives/{id}/statement", other).then().statusCode(404);
        given().get("/api/v1/attribution/{id}", other).then().statusCode(404);
        given().queryParam("period", "2026-Q5").get("/api/v1/incentives/{id}/statement", INITECH).then().statusCode(400);
    }

    @Test
    void incentiveRulesAreReadAndValidated() {
        String rules = given().get("/api/v1/incentive-rules").then().statusCode(200)
                .body("rebatePercentByTier.GOLD", equalTo(4))
                .body("certificationBonus.amount", equalTo("250.00"))
                .extract().asString();
        given().contentType("application/json").body(rules.replace("\"GOLD\":4", "\"GOLD\":140"))
                .put("/api/v1/incentive-rules").then().statusCode(400)
                .body("errors[0].field", equalTo("rebatePercentByTier.GOLD"));
    }

    private static String won(UUID deal, UUID partner, String amount, LocalDate closedOn, UUID campaign) {
        return """
                {"dealId": "%s", "partnerId": "%s", "customerName": "Umbrella", "customerDomain": "umbrella.example",
                 "products": ["Switches"], "amount": {"amount": "%s", "currency": "EUR"}, "closedOn": "%s",
                 "leadId": null, "campaignId": %s, "occurredAt": "%s"}"""
                .formatted(deal, partner, amount, closedOn, campaign == null ? "null" : "\"" + campaign + "\"",
                        closedOn.atTime(16, 0).toInstant(ZoneOffset.UTC));
    }

    private static void publishCampaign(String ceType, UUID partner, String json) {
        PartnersTopic.publishJson(Topics.CAMPAIGNS, ceType, UUID.randomUUID(), partner.toString(), json);
    }

    private static List<JsonNode> accrued(UUID partner, int n) {
        return StandingsTest.awaitEvent(partner, EventTypes.INCENTIVE_ACCRUED.ceType(), n).stream()
                .map(StandingsTest::payload).toList();
    }
}
