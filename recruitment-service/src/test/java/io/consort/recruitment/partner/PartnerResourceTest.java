package io.consort.recruitment.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partner reads from both sides. Token claims are compile-time constants, so the two partners have
 * fixed ids; they are created once per test run through the same code approval uses.
 */
@QuarkusTest
class PartnerResourceTest {

    static final String ACME = "0a0a0a0a-0000-4000-8000-000000000001";
    static final String GLOBEX = "0b0b0b0b-0000-4000-8000-000000000002";

    @Inject
    PartnerFixtures fixtures;

    @BeforeEach
    void twoPartners() {
        fixtures.onboard(UUID.fromString(ACME), "Acme", "EMEA");
        fixtures.onboard(UUID.fromString(GLOBEX), "Globex", "NORTH_AMERICA");
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerUserReadsItsOwnPartner() {
        given().when().get("/api/v1/partners/{id}", ACME)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(ACME))
                .body("name", equalTo("Acme"))
                .body("state", equalTo("ONBOARDING"));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void anotherPartnersIdIsNotFoundForAPartnerUser() {
        given().when().get("/api/v1/partners/{id}", GLOBEX)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerUsersListHoldsOnlyItsOwnPartner() {
        given().when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("items.id", equalTo(List.of(ACME)))
                .body("nextCursor", equalTo(null));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    void aPartnerUserWithoutAPartnerClaimSeesNoPartner() {
        given().when().get("/api/v1/partners").then().statusCode(200).body("items", equalTo(List.of()));
        given().when().get("/api/v1/partners/{id}", ACME).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void theVendorSeesEveryPartner() {
        given().when().get("/api/v1/partners/{id}", GLOBEX).then().statusCode(200).body("name", equalTo("Globex"));
        // Every page, not the first: other test classes (bulk imports) add hundreds of partners.
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/partners").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertTrue(ids.containsAll(List.of(ACME, GLOBEX)), "partners listed: " + ids.size());
    }

    @Test
    void readingPartnersNeedsAToken() {
        given().when().get("/api/v1/partners/{id}", ACME).then().statusCode(401);
        given().when().get("/api/v1/partners").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "nobody")
    void aCallerWithoutARoleIsForbidden() {
        given().when().get("/api/v1/partners/{id}", ACME).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anUnknownPartnerIsNotFound() {
        given().when().get("/api/v1/partners/{id}", UUID.randomUUID()).then().statusCode(404);
        given().queryParam("state", "HAPPY").when().get("/api/v1/partners")
                .then().statusCode(400).body("errors.field", equalTo(List.of("state")));
    }
}
