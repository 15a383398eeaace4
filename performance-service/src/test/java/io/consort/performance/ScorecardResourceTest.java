package io.consort.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.consort.performance.fact.FactKind;
import io.consort.performance.fact.PartnerFacts;
import io.consort.performance.scorecard.Scorecards;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/scorecards/{partnerId}}: who may read which scorecard, and what it says. */
@QuarkusTest
class ScorecardResourceTest {

    static final String ACME = "6f1d2c3b-4a59-4e68-8d7c-6b5a49382716";
    static final String GLOBEX = "0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f";
    static final UUID PROGRAM = UUID.fromString("3f0c6b7e-2a57-4c8e-9f3a-0c1d2e3f4a5b");
    static final Instant OPENED = Instant.parse("2026-11-02T09:30:00Z");

    @Inject
    Scorecards scorecards;

    @Inject
    PartnerFacts facts;

    @BeforeEach
    void twoPartnersHaveScorecards() {
        Cards.open(UUID.fromString(ACME), PROGRAM, OPENED);
        Cards.open(UUID.fromString(GLOBEX), PROGRAM, OPENED);
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        given().get("/api/v1/scorecards/{id}", ACME).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    @TestSecurity(user = "nobody", roles = "some-other-role")
    void aCallerWithoutAPrmRoleIsForbidden() {
        given().get("/api/v1/scorecards/{id}", ACME).then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aChannelManagerReadsAnyPartnersScorecardWithItsVersionAsETag() {
        given().get("/api/v1/scorecards/{id}", GLOBEX).then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", notNullValue())
                .body("partnerId", equalTo(GLOBEX))
                .body("programId", equalTo(PROGRAM.toString()))
                .body("tier", equalTo("REGISTERED"))
                .body("score", equalTo(0))
                .body("kpis", hasSize(9))
                .body("tierRank", equalTo(0))
                .body("openedAt", equalTo("2026-11-02T09:30:00Z"))
                .body("updatedAt", equalTo("2026-11-02T09:30:00Z"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anUnchangedScorecardAnswers304ToIfNoneMatch() {
        String etag = given().get("/api/v1/scorecards/{id}", ACME).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/scorecards/{id}", ACME).then()
                .statusCode(304)
                .header("ETag", etag);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anUnknownPartnerIs404ProblemJson() {
        given().get("/api/v1/scorecards/{id}", UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("scorecard"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aPartnerIdThatIsNotAUuidIs400ProblemJson() {
        given().get("/api/v1/scorecards/not-a-uuid").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "acme-user", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerUserReadsItsOwnScorecard() {
        given().get("/api/v1/scorecards/{id}", ACME).then()
                .statusCode(200)
                .body("partnerId", equalTo(ACME));
    }

    @Test
    @TestSecurity(user = "acme-user", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void anotherPartnersScorecardIs404ForAPartnerUser() {
        given().get("/api/v1/scorecards/{id}", GLOBEX).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
        given().get("/api/v1/scorecards/{id}/facts", GLOBEX).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "acme-admin", roles = "partner-admin")
    void aPartnerUserWithoutAPartnerClaimSeesNoScorecard() {
        given().get("/api/v1/scorecards/{id}", ACME).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator")
    void theFactHistoryIsPagedOldestFirst() {
        UUID partner = UUID.randomUUID();
        for (int day = 3; day >= 1; day--) {
            PartnerFacts.New fact = new PartnerFacts.New(UUID.randomUUID(), FactKind.APPLICATION_APPROVED, partner,
                    PROGRAM, Instant.parse("2026-11-0" + day + "T12:00:00Z"),
                    JsonNodeFactory.instance.objectNode().put("partnerId", partner.toString()).put("day", day));
            QuarkusTransaction.requiringNew().run(() -> facts.recordAll(List.of(fact)));
        }

        String cursor = given().queryParam("limit", 2).get("/api/v1/scorecards/{id}/facts", partner).then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].occurredAt", equalTo("2026-11-01T12:00:00Z"))
                .body("items[1].data.day", equalTo(2))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/scorecards/{id}/facts", partner).then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].occurredAt", equalTo("2026-11-03T12:00:00Z"))
                .body("nextCursor", nullValue());
        given().queryParam("limit", 0).get("/api/v1/scorecards/{id}/facts", partner).then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
