package io.consort.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void approvalGivesTheContactAPartnerAdminLoginInKeycloakThatSeesItsOwnPartner() {
        String programId = given().baseUri(stack.gateway())
                .auth().oauth2(managerToken)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Resellers Nordics %s", "partnerTypes": ["RESELLER"]}
                        """.formatted(UUID.randomUUID()))
                .post("/api/v1/programs")
                .then().statusCode(201)
                .extract().path("id");
        // Keycloak's users outlive the stack's databases (its data stays in the stack's home): a fresh
        // address per run, or the login of an earlier run's partner would (rightly) not be taken over.
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "lena." + run + "@fjord-" + run + ".example";
        String applicationId = given().baseUri(stack.gateway())
                .contentType(ContentType.JSON)
                .body("""
                        {"programId": "%s", "companyName": "Fjord Systems %s", "website": "https://fjord-%s.example",
                         "contactName": "Lena Lagerlof", "contactEmail": "%s", "region": "EMEA"}
                        """.formatted(programId, run, run, email))
                .post("/api/v1/applications")
                .then().statusCode(201)
                .extract().path("id");
        String partnerId = given().baseUri(stack.gateway()).auth().oauth2(managerToken)
                .post("/api/v1/applications/" + applicationId + "/approve")
                .then().statusCode(200)
                .extract().path("partnerId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().baseUri(stack.gateway()).auth().oauth2(managerToken)
                        .get("/api/v1/partners/" + partnerId + "/users")
                        .then().statusCode(200)
                        .body("items.size()", equalTo(1))
                        .body("items[0].email", equalTo(email))
                        .body("items[0].role", equalTo("PARTNER_ADMIN"))
                        .body("items[0].state", equalTo("ACTIVE")));

        // The real Keycloak has the login, seen through the same Admin REST API as recruitment uses.
        String admin = stack.clientToken("consort-services", "services-secret");
        List<Map<String, Object>> found = given().baseUri(stack.keycloak()).auth().oauth2(admin)
                .queryParam("username", email).queryParam("exact", true)
                .get("/admin/realms/prm/users")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, found.size(), "one login named " + email);
        String loginId = (String) found.get(0).get("id");
        Map<String, Object> login = given().baseUri(stack.keycloak()).auth().oauth2(admin)
                .get("/admin/realms/prm/users/" + loginId)
                .then().statusCode(200)
                .body("attributes.partner_id", equalTo(List.of(partnerId)))
                .body("enabled", equalTo(true))
                .body("email", equalTo(email))
                .body("firstName", equalTo("Lena"))
                .body("lastName", equalTo("Lagerlof"))
                .body("requiredActions", equalTo(List.of("UPDATE_PASSWORD")))
                .extract().as(Map.class);
        given().baseUri(stack.keycloak()).auth().oauth2(admin)
                .get("/admin/realms/prm/users/" + loginId + "/role-mappings/realm")
                .then().statusCode(200).body("name", hasItem("partner-admin"));

        // Keycloak e-mailed the person the invitation: a link to set their password, which it honours.
        String invitation = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> given().baseUri(stack.mail()).get("/api/user/" + email + "/messages/INBOX")
                        .then().statusCode(200).extract().jsonPath().getString("[0].mimeMessage"),
                        message -> message != null);
        Matcher link = Pattern.compile("(" + Pattern.quote(stack.keycloak())
                + "/realms/prm/login-actions/action-token\\?key=[A-Za-z0-9._-]+)").matcher(
                        invitation.replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), "an action link in the invitation:\n" + invitation);
        given().urlEncodingEnabled(false).redirects().follow(true).get(link.group(1))
                .then().statusCode(200).body(containsStringIgnoringCase("update password"));

        // Stand in for the person's first login (choosing a password), then sign in as them: the token
        // carries the partner's id, and through it the person sees their own partner's users only.
        given().baseUri(stack.keycloak()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("type", "password", "value", "lena-pw-" + run, "temporary", false))
                .put("/admin/realms/prm/users/" + loginId + "/reset-password")
                .then().statusCode(204);
        login.put("requiredActions", List.of());
        given().baseUri(stack.keycloak()).auth().oauth2(admin).contentType(ContentType.JSON).body(login)
                .put("/admin/realms/prm/users/" + loginId)
                .then().statusCode(204);
        String lena = stack.token(email, "lena-pw-" + run);
        given().baseUri(stack.gateway()).auth().oauth2(lena)
                .get("/api/v1/partners/" + partnerId + "/users")
                .then().statusCode(200).body("items[0].email", equalTo(email));
        given().baseUri(stack.gateway()).auth().oauth2(lena)
                .get("/api/v1/partners/" + UUID.randomUUID() + "/users")
                .then().statusCode(404);

        // Another partner of the same program, synced from a CRM: nothing of it reaches Lena, neither at
        // recruitment nor at performance, where its scorecard exists (the manager sees it) before she asks.
        String other = given().baseUri(stack.gateway()).auth().oauth2(managerToken).contentType(ContentType.JSON)
                .body(Map.of("programId", programId, "name", "Skagerrak Networks " + run, "type", "RESELLER",
                        "website", "https://skagerrak-" + run + ".example", "region", "EMEA"))
                .put("/api/v1/partners/by-external-id/crm/other-" + run)
                .then().statusCode(201)
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().baseUri(stack.gateway()).auth().oauth2(managerToken)
                        .get("/api/v1/scorecards/" + other).then().statusCode(200));
        for (String path : List.of("/api/v1/partners/" + other, "/api/v1/partners/" + other + "/children",
                "/api/v1/partners/" + other + "/onboarding", "/api/v1/partners/" + other + "/users",
                "/api/v1/partners/by-external-id/crm/other-" + run, "/api/v1/scorecards/" + other,
                "/api/v1/scorecards/" + other + "/facts")) {
            given().baseUri(stack.gateway()).auth().oauth2(lena).get(path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().baseUri(stack.gateway()).auth().oauth2(lena).contentType(ContentType.JSON)
                .body(Map.of("name", "Taken over"))
                .patch("/api/v1/partners/" + other)
                .then().statusCode(404);
        for (String list : List.of("/api/v1/partners", "/api/v1/partners/changes", "/api/v1/training/enrolments")) {
            String answer = given().baseUri(stack.gateway()).auth().oauth2(lena).get(list)
                    .then().statusCode(200).extract().asString();
            assertFalse(answer.contains(other), list + " shows Lena another partner: " + answer);
        }
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
