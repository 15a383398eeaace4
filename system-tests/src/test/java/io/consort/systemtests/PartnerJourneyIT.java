package io.consort.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thin slice of the partner journey, through the gateway against the real stack: a channel
 * manager's program, a public application, its approval, and the scorecard performance opens when
 * recruitment's events reach it over Kafka.
 */
class PartnerJourneyIT {

    private static SuiteStack stack;
    private static String managerToken;

    @BeforeAll
    static void startStack() {
        stack = SuiteStack.get();
        managerToken = stack.token("manager", "manager-pw");
    }

    @Test
    void approvedApplicantGetsAnOnboardingPartnerAndAnEntryTierScorecard() {
        String programId = given().baseUri(stack.gateway())
                .auth().oauth2(managerToken)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Resellers EMEA %s", "description": "Value-added resellers in Europe",
                         "partnerTypes": ["RESELLER"]}
                        """.formatted(UUID.randomUUID()))
                .post("/api/v1/programs")
                .then().statusCode(201)
                .header("Location", startsWith(stack.gateway() + "/api/v1/programs/"))
                .extract().path("id");

        String applicationId = given().baseUri(stack.gateway())
                .contentType(ContentType.JSON)
                .body("""
                        {"programId": "%s", "companyName": "Northwind Traders", "website": "https://northwind.example",
                         "contactName": "Nancy Davolio", "contactEmail": "nancy@northwind.example", "region": "EMEA"}
                        """.formatted(programId))
                .post("/api/v1/applications")
                .then().statusCode(201)
                .body("state", equalTo("SUBMITTED"))
                .extract().path("id");

        Response approval = given().baseUri(stack.gateway())
                .auth().oauth2(managerToken)
                .post("/api/v1/applications/" + applicationId + "/approve");
        approval.then().statusCode(200).body("state", equalTo("APPROVED")).body("partnerId", notNullValue());
        String partnerId = approval.path("partnerId");

        given().baseUri(stack.gateway()).auth().oauth2(managerToken)
                .get("/api/v1/partners/" + partnerId)
                .then().statusCode(200).body("state", equalTo("ONBOARDING"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(stack.gateway()).auth().oauth2(managerToken)
                        .get("/api/v1/scorecards/" + partnerId)
                        .then().statusCode(200)
                        .body("partnerId", equalTo(partnerId))
                        .body("programId", equalTo(programId))
                        .body("tier", equalTo("REGISTERED"))
                        .body("score", equalTo(0)));
    }

    @Test
    void theGatewayAnswersWithoutATokenAsProblemJson() {
        given().baseUri(stack.gateway())
                .get("/api/v1/programs")
                .then().statusCode(401);

        given().baseUri(stack.gateway())
                .get("/api/v1/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenOfAnotherRealmIsRefused() {
        given().baseUri(stack.gateway())
                .auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/api/v1/programs")
                .then().statusCode(401);
    }
}
