package io.consort.recruitment.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.consort.recruitment.Fixtures;
import io.consort.recruitment.partner.PartnerFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public locator. Each test's partners share a specialisation no other test uses, so the filter on
 * it isolates them; every call comes from a fresh client address, so the rate limit couples no tests.
 */
@QuarkusTest
class PartnerDirectoryResourceTest {

    @Inject
    PartnerFixtures fixtures;

    String specialisation;
    UUID listedEmea;
    UUID listedApac;

    @BeforeEach
    void partners() {
        specialisation = "SPEC_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        listedEmea = listed("Listed EMEA", "EMEA", true);
        listedApac = listed("Listed APAC", "APAC", true);
        listed("Unlisted", "EMEA", false);
        UUID suspended = listed("Suspended", "EMEA", true);
        fixtures.suspend(suspended, "audit");
        UUID onboarding = fixtures.onboard("Onboarding " + UUID.randomUUID(), "EMEA");
        fixtures.set(onboarding, "manager", Map.of("listedInDirectory", true, "specialisations", List.of(specialisation)));
    }

    private UUID listed(String name, String region, boolean listed) {
        UUID id = fixtures.onboard(name + " " + UUID.randomUUID(), region);
        fixtures.activate(id);
        fixtures.set(id, "manager", Map.of("listedInDirectory", listed, "specialisations", List.of(specialisation),
                "website", "https://" + id + ".example"));
        return id;
    }

    @Test
    void anyoneFindsTheListedActivePartnersWithoutAToken() {
        given().header("X-Forwarded-For", Fixtures.someClientAddress()).queryParam("specialisation", specialisation)
                .when().get("/api/v1/partner-directory")
                .then().statusCode(200)
                .body("items.id", contains(listedEmea.toString(), listedApac.toString()))
                .body("items[0].region", equalTo("EMEA"))
                .body("items[0].specialisations", contains(specialisation))
                .body("items[0].website", equalTo("https://" + listedEmea + ".example"))
                .body("items[0]", not(hasKey("state")))
                .body("items[0]", not(hasKey("domain")))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void filtersByRegionAndTierAndPagesWithACursor() {
        given().header("X-Forwarded-For", Fixtures.someClientAddress()).queryParam("specialisation", specialisation)
                .queryParam("region", "APAC")
                .when().get("/api/v1/partner-directory")
                .then().statusCode(200).body("items.id", contains(listedApac.toString()));
        given().header("X-Forwarded-For", Fixtures.someClientAddress()).queryParam("specialisation", specialisation)
                .queryParam("tier", "GOLD")
                .when().get("/api/v1/partner-directory")
                .then().statusCode(200).body("items", equalTo(List.of()));
        String cursor = given().header("X-Forwarded-For", Fixtures.someClientAddress())
                .queryParam("specialisation", specialisation).queryParam("limit", 1)
                .when().get("/api/v1/partner-directory")
                .then().statusCode(200).body("items.id", contains(listedEmea.toString()))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().header("X-Forwarded-For", Fixtures.someClientAddress()).queryParam("specialisation", specialisation)
                .queryParam("limit", 1).queryParam("cursor", cursor)
                .when().get("/api/v1/partner-directory")
                .then().statusCode(200).body("items.id", contains(listedApac.toString()));
    }

    @Test
    void aMalformedFilterIs400() {
        given().header("X-Forwarded-For", Fixtures.someClientAddress()).queryParam("region", "emea")
                .when().get("/api/v1/partner-directory")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("region"));
        given().header("X-Forwarded-For", Fixtures.someClientAddress()).queryParam("cursor", "nonsense")
                .when().get("/api/v1/partner-directory")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "0c0c0c0c-0000-4000-8000-000000000013"))
    void aLoggedInPartnerSeesTheSameDirectoryAsEveryoneElse() {
        given().header("X-Forwarded-For", Fixtures.someClientAddress()).queryParam("specialisation", specialisation)
                .when().get("/api/v1/partner-directory")
                .then().statusCode(200).body("items.id", contains(listedEmea.toString(), listedApac.toString()));
    }

    @Test
    void tooManyRequestsFromOneAddressAre429WithRetryAfter() {
        String address = Fixtures.someClientAddress();
        int capacity = 60; // refilled at one a minute in tests
        for (int i = 0; i < capacity; i++) {
            given().header("X-Forwarded-For", address).queryParam("limit", 1)
                    .when().get("/api/v1/partner-directory").then().statusCode(200);
        }
        given().header("X-Forwarded-For", address)
                .when().get("/api/v1/partner-directory")
                .then().statusCode(429).contentType("application/problem+json")
                // Whole seconds until the next token: under a minute, less what refilled during the burst.
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9]|[1-5][0-9]|60"));
        given().header("X-Forwarded-For", Fixtures.someClientAddress())
                .when().get("/api/v1/partner-directory").then().statusCode(200);
    }
}
