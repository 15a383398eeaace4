package io.consort.performance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.consort.contracts.EventTypes;
import io.consort.contracts.events.CertificationEarned;
import io.consort.contracts.events.PartnerOnboardingStarted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leaderboards by program and region, as vendors and partners see them, and the dashboards. */
@QuarkusTest
@TestSecurity(user = "manager", roles = "channel-manager")
class BoardTest {

    @Inject
    EntityManager entityManager;

    static final UUID PROGRAM = UUID.fromString("1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b");
    static final String ACME = "2f3e4d5c-6b7a-4891-8a0b-2c3d4e5f6a7b";
    static final String BETA = "3a4b5c6d-7e8f-4a01-9b2c-3d4e5f6a7b8c";
    static final LocalDate OPENED = LocalDate.now(ZoneOffset.UTC).minusDays(3);

    @BeforeEach
    void twoPartnersOneCertified() {
        UUID acme = UUID.fromString(ACME);
        UUID beta = UUID.fromString(BETA);
        var at = OPENED.atTime(8, 0).toInstant(ZoneOffset.UTC);
        // the same events every time: the inbox and the facts' event ids make the repeats no-ops
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, UUID.nameUUIDFromBytes(ACME.getBytes()), acme,
                new PartnerOnboardingStarted(acme, PROGRAM, "Acme Networks", "RESELLER", "EMEA", at));
        PartnersTopic.publish(EventTypes.PARTNER_ONBOARDING_STARTED, UUID.nameUUIDFromBytes(BETA.getBytes()), beta,
                new PartnerOnboardingStarted(beta, PROGRAM, "Beta Systems", "MSP", "APAC", at));
        UUID cert = UUID.nameUUIDFromBytes((ACME + "cert").getBytes());
        PartnersTopic.publish(EventTypes.CERTIFICATION_EARNED, cert, acme, new CertificationEarned(cert, acme, "ana",
                cert, cert, "Pro", null, at.plusSeconds(86400)));
        // native SQL: whoever the test method's caller is, no partner scope narrows the wait
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from scorecard where (partner_id = ?1 and score = 8) or partner_id = ?2")
                .setParameter(1, acme).setParameter(2, beta).getSingleResult().toString().equals("2")));
    }

    @Test
    void theVendorSeesEveryNameRankedByScoreAndCanNarrowToARegion() {
        given().queryParam("programId", PROGRAM).get("/api/v1/leaderboard").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.rank", equalTo(List.of(1, 2)))
                .body("items.name", equalTo(List.of("Acme Networks", "Beta Systems")))
                .body("items[0].score", equalTo(8))
                .body("items[0].region", equalTo("EMEA"));
        given().queryParam("programId", PROGRAM).queryParam("region", "APAC").get("/api/v1/leaderboard").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].rank", equalTo(1))
                .body("items[0].partnerId", equalTo(BETA));
        given().queryParam("programId", PROGRAM).queryParam("limit", 1).get("/api/v1/leaderboard").then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/leaderboard").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "beta-user", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = BETA))
    void aPartnerSeesOthersAnonymouslyByDefaultAndOnlyItsOwnProgram() {
        given().queryParam("programId", PROGRAM).get("/api/v1/leaderboard").then().statusCode(200)
                .body("items[0].name", equalTo("Partner #1"))
                .body("items[0].partnerId", nullValue())
                .body("items[0].you", equalTo(false))
                .body("items[1].name", equalTo("Beta Systems"))
                .body("items[1].you", equalTo(true));
        given().queryParam("programId", UUID.randomUUID()).get("/api/v1/leaderboard").then().statusCode(404);
        given().get("/api/v1/dashboards/programs/{id}", PROGRAM).then().statusCode(403);
        given().queryParam("kpi", "SCORE").get("/api/v1/dashboards/partners/{id}", ACME).then().statusCode(404);
        given().queryParam("kpi", "SCORE").get("/api/v1/dashboards/partners/{id}", BETA).then().statusCode(200);
    }

    @Test
    void aPartnersKpiOverTimeByDayWeekAndMonth() {
        given().queryParam("kpi", "CERTIFIED_PEOPLE").queryParam("from", OPENED.toString())
                .queryParam("interval", "day").get("/api/v1/dashboards/partners/{id}", ACME).then().statusCode(200)
                .body("points", hasSize(4))
                .body("points[0].value", equalTo(0))
                .body("points[1].value", equalTo(1))
                .body("points[3].value", equalTo(1));
        given().queryParam("kpi", "SCORE").queryParam("from", OPENED.minusDays(10).toString()).queryParam("interval", "month")
                .get("/api/v1/dashboards/partners/{id}", ACME).then().statusCode(200)
                .body("points[-1].value", equalTo(8));
        given().queryParam("kpi", "NOPE").get("/api/v1/dashboards/partners/{id}", ACME).then().statusCode(400)
                .body("errors[0].field", equalTo("kpi"));
        given().queryParam("kpi", "SCORE").queryParam("interval", "year").get("/api/v1/dashboards/partners/{id}", ACME)
                .then().statusCode(400);
        given().queryParam("kpi", "SCORE").queryParam("from", "2020-01-01").queryParam("to", "2026-01-01")
                .get("/api/v1/dashboards/partners/{id}", ACME).then().statusCode(400);
    }

    @Test
    void aProgramsAggregates() {
        given().get("/api/v1/dashboards/programs/{id}", PROGRAM).then().statusCode(200)
                .body("partners", equalTo(2))
                .body("tiers[0].tier", equalTo("REGISTERED"))
                .body("tiers[0].partners", equalTo(2))
                .body("averageScore", equalTo(4.0f))
                .body("pipeline.amount", equalTo("0.00"))
                .body("funnel.dealsWon", equalTo(0));
    }
}
