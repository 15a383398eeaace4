package io.consort.performance;

import io.consort.testkit.TestTokens;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.consort.performance.scorecard.Scorecards;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real signed tokens through the OIDC mechanism: audience and expiry are enforced. */
@QuarkusTest
class BearerTokenTest {

    @Inject
    Scorecards scorecards;

    @Test
    void aTokenForConsortApiIsAccepted() {
        UUID partner = UUID.randomUUID();
        Cards.open(partner, UUID.randomUUID(), Instant.parse("2026-11-02T09:30:00Z"));
        given().auth().oauth2(TestTokens.user("manager", "channel-manager").audience("consort-api").expiresAt(Instant.now().plusSeconds(300)).sign())
                .get("/api/v1/scorecards/{id}", partner).then()
                .statusCode(200)
                .body("partnerId", equalTo(partner.toString()));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        given().auth().oauth2(TestTokens.user("manager", "channel-manager").audience("some-other-api").expiresAt(Instant.now().plusSeconds(300)).sign())
                .get("/api/v1/scorecards/{id}", UUID.randomUUID()).then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.user("manager", "channel-manager").audience("consort-api").expiresAt(Instant.now().minusSeconds(600)).sign())
                .get("/api/v1/scorecards/{id}", UUID.randomUUID()).then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
