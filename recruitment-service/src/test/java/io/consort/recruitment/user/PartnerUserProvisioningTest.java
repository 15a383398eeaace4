package io.consort.recruitment.user;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.consort.recruitment.KeycloakAdminStub.USERS;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.consort.recruitment.Fixtures;
import io.consort.recruitment.KeycloakAdminStub;
import io.consort.recruitment.PartnerTopic;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.ProgramRequest;
import io.consort.recruitment.program.ProgramService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Keycloak is sent and what happens when it is down or already knows the person, against the
 * WireMock stand-in of {@link KeycloakAdminStub}.
 */
@QuarkusTest
class PartnerUserProvisioningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    ProgramService programs;

    @Inject
    PartnerUsersFixture fixture;

    private final WireMock keycloak = KeycloakAdminStub.client();
    private final List<StubMapping> stubs = new ArrayList<>();
    private String programId;

    @BeforeEach
    void setUp() {
        programId = programs.create(new ProgramRequest(Fixtures.uniqueName("Provisioning"), null,
                List.of(PartnerType.RESELLER), true, null), "test").id().toString();
        fixture.seed();
    }

    @AfterEach
    void restoreKeycloak() {
        stubs.forEach(keycloak::removeStubMapping);
    }

    private void stub(MappingBuilder mapping) {
        stubs.add(keycloak.register(mapping.atPriority(1)));
    }

    private String approve(String company) {
        String applicationId = Fixtures.submitApplication(programId, company);
        return given().when().post("/api/v1/applications/{id}/approve", applicationId)
                .then().statusCode(200).extract().path("partnerId");
    }

    private static String contactOf(String company) {
        return "dana@" + company.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example";
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void approvingCreatesThePartnerAdminLoginInKeycloakAndPublishesUserAdded() throws Exception {
        String company = Fixtures.uniqueName("Login Works");
        String email = contactOf(company);
        String partnerId = approve(company);

        PartnerUsersFixture.Row user = fixture.await(email, row -> row.state().equals("ACTIVE"), PATIENCE);
        given().when().get("/api/v1/partners/{p}/users", partnerId)
                .then().statusCode(200)
                .body("items.size()", Matchers.equalTo(1))
                .body("items[0].email", Matchers.equalTo(email))
                .body("items[0].role", Matchers.equalTo("PARTNER_ADMIN"))
                .body("items[0].state", Matchers.equalTo("ACTIVE"))
                .body("items[0].firstName", Matchers.equalTo("Dana"))
                .body("items[0].lastName", Matchers.equalTo("Reyes"))
                .body("items[0].createdBy", Matchers.equalTo("manager"));

        // The login Keycloak was asked to create: the partner's id, enabled, and a password to set.
        List<LoggedRequest> creates = keycloak.find(postRequestedFor(urlPathEqualTo(USERS))
                .withRequestBody(matchingJsonPath("$.username", equalTo(email))));
        assertEquals(1, creates.size());
        JsonNode login = JSON.readTree(creates.get(0).getBodyAsString());
        assertEquals(email, login.get("email").asText());
        assertEquals("Dana", login.get("firstName").asText());
        assertEquals("Reyes", login.get("lastName").asText());
        assertTrue(login.get("enabled").asBoolean());
        assertEquals(List.of(partnerId), JSON.convertValue(login.at("/attributes/partner_id"), List.class));
        assertEquals(List.of("UPDATE_PASSWORD"), JSON.convertValue(login.get("requiredActions"), List.class));
        assertNull(login.get("credentials"), "no password passes through recruitment");

        // ...then given the partner-admin realm role, with the service account's bearer token.
        List<LoggedRequest> grants = keycloak.find(postRequestedFor(
                urlPathEqualTo(USERS + "/" + user.keycloakUserId() + "/role-mappings/realm")));
        assertEquals(1, grants.size());
        assertEquals("partner-admin", JSON.readTree(grants.get(0).getBodyAsString()).at("/0/name").asText());
        assertEquals("Bearer stub-admin-token", grants.get(0).getHeader("Authorization"));
        // ...and last e-mailed the invitation: Keycloak's link to set the password, through the portal client.
        List<LoggedRequest> invitations = keycloak.find(putRequestedFor(
                urlPathEqualTo(USERS + "/" + user.keycloakUserId() + "/execute-actions-email")));
        assertEquals(1, invitations.size());
        assertEquals("consort-portal", invitations.get(0).queryParameter("client_id").firstValue());
        assertEquals("259200", invitations.get(0).queryParameter("lifespan").firstValue());
        assertEquals(List.of("UPDATE_PASSWORD"), JSON.readValue(invitations.get(0).getBodyAsString(), List.class));
        assertTrue(invitations.get(0).getLoggedDate().compareTo(grants.get(0).getLoggedDate()) >= 0,
                "the invitation follows the role");
        List<LoggedRequest> tokens = keycloak.find(postRequestedFor(
                urlPathEqualTo("/realms/prm/protocol/openid-connect/token")));
        String consortServices = "Basic " + Base64.getEncoder()
                .encodeToString("consort-services:services-secret".getBytes(StandardCharsets.UTF_8));
        assertTrue(!tokens.isEmpty() && tokens.stream().allMatch(token ->
                token.getBodyAsString().contains("grant_type=client_credentials")
                        && consortServices.equals(token.getHeader("Authorization"))),
                "client credentials of consort-services");

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(partnerId, 3, PATIENCE);
        assertEquals(3, records.size(), "application.approved, partner.onboarding-started, partner.user-added");
        ConsumerRecord<String, String> added = records.get(2);
        assertEquals("consort.partner.user-added.v1", PartnerTopic.header(added, "ce_type"));
        assertEquals(user.id().toString(), PartnerTopic.header(added, "ce_subject"));
        JsonNode payload = JSON.readTree(added.value());
        assertEquals(partnerId, payload.get("partnerId").asText());
        assertEquals(user.id().toString(), payload.get("userId").asText());
        assertEquals(user.keycloakUserId(), payload.get("keycloakUserId").asText());
        assertEquals(email, payload.get("email").asText());
        assertEquals("PARTNER_ADMIN", payload.get("role").asText());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void whileKeycloakIsDownTheApprovalSucceedsAndTheLoginFollowsWhenItIsBack() {
        String company = Fixtures.uniqueName("Keycloak Outage");
        String email = contactOf(company);
        // No connection at all first...
        stub(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String partnerId = approve(company);

        String userId = given().when().get("/api/v1/partners/{p}/users", partnerId)
                .then().statusCode(200)
                .body("items[0].state", Matchers.equalTo("PROVISIONING"))
                .extract().path("items[0].id");
        PartnerUsersFixture.Row unreachable = fixture.await(email, row -> row.attempts() >= 2, PATIENCE);
        assertEquals("PROVISIONING", unreachable.state());
        assertTrue(unreachable.lastError().startsWith("Keycloak did not answer"), unreachable.lastError());

        // ...then Keycloak answers, but only 503.
        restoreKeycloak();
        stubs.clear();
        stub(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        PartnerUsersFixture.Row unavailable = fixture.await(email,
                row -> row.attempts() > unreachable.attempts() && row.lastError().contains("503"), PATIENCE);
        assertEquals("PROVISIONING", unavailable.state());
        given().when().get("/api/v1/partners/{p}/users/{u}", partnerId, userId)
                .then().statusCode(200)
                .body("state", Matchers.equalTo("PROVISIONING"))
                .body("attempts", Matchers.greaterThanOrEqualTo(unavailable.attempts()))
                .body("lastError", Matchers.containsString("503"))
                .body("nextAttemptAt", Matchers.notNullValue());

        // Keycloak is back: nobody asks again, the provisioner's next attempt goes through.
        restoreKeycloak();
        stubs.clear();
        PartnerUsersFixture.Row active = fixture.await(email, row -> row.state().equals("ACTIVE"), PATIENCE);
        assertNotNull(active.keycloakUserId());
        assertNull(active.lastError());
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(partnerId, 3, PATIENCE);
        assertEquals("consort.partner.user-added.v1", PartnerTopic.header(records.get(2), "ce_type"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aLoginWhoseInvitationCannotBeSentStaysProvisioningAndIsInvitedOnTheNextAttempt() {
        String company = Fixtures.uniqueName("Mail Down");
        String email = contactOf(company);
        // What Keycloak answers when its SMTP server does not take the mail.
        stub(WireMock.put(urlPathMatching(USERS + "/[^/]+/execute-actions-email")).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessage\":\"Failed to send execute actions email\"}")));
        String partnerId = approve(company);

        PartnerUsersFixture.Row failing = fixture.await(email, row -> row.attempts() >= 2, PATIENCE);
        assertEquals("PROVISIONING", failing.state(), "no way in without the invitation");
        assertNotNull(failing.keycloakUserId(), "the login exists and is kept");
        assertTrue(failing.lastError().contains("500") && failing.lastError().contains("invitation"),
                failing.lastError());

        restoreKeycloak();
        stubs.clear();
        PartnerUsersFixture.Row active = fixture.await(email, row -> row.state().equals("ACTIVE"), PATIENCE);
        assertEquals(failing.keycloakUserId(), active.keycloakUserId());
        assertEquals(1, keycloak.find(postRequestedFor(urlPathEqualTo(USERS))
                .withRequestBody(matchingJsonPath("$.username", equalTo(email)))).size(), "created once");
        assertTrue(keycloak.find(putRequestedFor(urlPathEqualTo(USERS + "/" + active.keycloakUserId()
                + "/execute-actions-email"))).size() > failing.attempts(), "the invitation was tried again");
        given().when().get("/api/v1/partners/{p}/users", partnerId)
                .then().statusCode(200).body("items[0].state", Matchers.equalTo("ACTIVE"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void aKeycloakThatDoesNotAnswerIsGivenUpOnAfterTheTimeoutAndTriedAgain() {
        String email = "patient-" + UUID.randomUUID().toString().substring(0, 8) + "@acme-users.example";
        stub(post(urlPathEqualTo(USERS)).withRequestBody(matchingJsonPath("$.username", equalTo(email)))
                .willReturn(aResponse().withStatus(201).withFixedDelay(15_000)));
        long start = System.nanoTime();

        invite(PartnerUsersFixture.ACME, email).then().statusCode(201);

        // The test profile's timeout is 2 s: well before Keycloak's answer, the attempt counts as failed.
        PartnerUsersFixture.Row timedOut = fixture.await(email, row -> row.attempts() >= 1, Duration.ofSeconds(10));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
        assertEquals("PROVISIONING", timedOut.state());
        assertTrue(timedOut.lastError().startsWith("Keycloak did not answer create login " + email),
                timedOut.lastError());
        restoreKeycloak();
        stubs.clear();
        fixture.await(email, row -> row.state().equals("ACTIVE"), PATIENCE);
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void severalPendingLoginsAreProvisionedAtOnce() {
        // Keycloak takes 1.5 s over each of these creates (within the test profile's 2 s timeout). One thread at a
        // time would start a create only once the one before was answered; the workers overlap them.
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String pattern = "burst-[0-9]-" + tag + "@acme-users\\.example";
        long delayMillis = 1_500;
        stub(post(urlPathEqualTo(USERS)).withRequestBody(matchingJsonPath("$.username", matching(pattern)))
                .willReturn(aResponse().withStatus(201).withFixedDelay((int) delayMillis)
                        .withHeader("Location", "{{request.baseUrl}}" + USERS + "/{{randomValue type='UUID'}}")
                        .withTransformers("response-template")));
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            emails.add("burst-" + i + "-" + tag + "@acme-users.example");
            invite(PartnerUsersFixture.ACME, emails.get(i - 1)).then().statusCode(201);
        }

        for (String email : emails) {
            fixture.await(email, row -> row.state().equals("ACTIVE"), PATIENCE);
        }
        // When Keycloak received each login's first create: were some of them waiting on Keycloak at the same time?
        List<Long> started = emails.stream().map(email -> keycloak.find(postRequestedFor(urlPathEqualTo(USERS))
                        .withRequestBody(matchingJsonPath("$.username", equalTo(email)))).stream()
                .mapToLong(r -> r.getLoggedDate().getTime()).min().orElseThrow()).sorted().toList();
        int mostAtOnce = 0;
        for (long start : started) {
            mostAtOnce = Math.max(mostAtOnce, (int) started.stream()
                    .filter(other -> other >= start && other < start + delayMillis).count());
        }
        long first = started.get(0);
        assertTrue(mostAtOnce >= 2, "creates of the four logins started at "
                + started.stream().map(t -> "+" + (t - first)).toList()
                + " ms: none while another was still waiting on Keycloak");
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void aDisabledLoginOfThePartnerIsAdoptedAndEnabledAgain() {
        String email = "returning-" + UUID.randomUUID().toString().substring(0, 8) + "@acme-users.example";
        String loginId = UUID.randomUUID().toString();
        existingLogin(email, loginId, PartnerUsersFixture.ACME, false);

        invite(PartnerUsersFixture.ACME, email).then().statusCode(201);

        PartnerUsersFixture.Row user = fixture.await(email, row -> row.state().equals("ACTIVE"), PATIENCE);
        assertEquals(loginId, user.keycloakUserId());
        List<LoggedRequest> enables = keycloak.find(putRequestedFor(urlPathEqualTo(USERS + "/" + loginId)));
        assertEquals(1, enables.size());
        assertTrue(readTree(enables.get(0)).get("enabled").asBoolean());
        assertEquals(PartnerUsersFixture.ACME, readTree(enables.get(0)).at("/attributes/partner_id/0").asText(),
                "the update keeps the partner's id");
        assertEquals(1, keycloak.find(postRequestedFor(
                urlPathEqualTo(USERS + "/" + loginId + "/role-mappings/realm"))).size());
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void aLoginOfAnotherPartnerIsNeverTakenOver() {
        String email = "taken-" + UUID.randomUUID().toString().substring(0, 8) + "@acme-users.example";
        String loginId = UUID.randomUUID().toString();
        existingLogin(email, loginId, PartnerUsersFixture.GLOBEX, true);

        String userId = invite(PartnerUsersFixture.ACME, email).then().statusCode(201).extract().path("id");

        PartnerUsersFixture.Row user = fixture.await(email, row -> row.state().equals("FAILED"), PATIENCE);
        assertNull(user.keycloakUserId());
        assertTrue(user.lastError().contains("belongs to another partner"), user.lastError());
        assertEquals(0, keycloak.find(putRequestedFor(urlPathEqualTo(USERS + "/" + loginId))).size());
        assertEquals(0, keycloak.find(postRequestedFor(
                urlPathEqualTo(USERS + "/" + loginId + "/role-mappings/realm"))).size());
        given().when().get("/api/v1/partners/{p}/users/{u}", PartnerUsersFixture.ACME, userId)
                .then().statusCode(200)
                .body("state", Matchers.equalTo("FAILED"))
                .body("nextAttemptAt", Matchers.nullValue())
                .body("lastError", Matchers.containsString("belongs to another partner"));
    }

    /** Keycloak already has the login: creating it answers 409, and the lookup finds it. */
    private void existingLogin(String email, String loginId, String partnerId, boolean enabled) {
        stub(post(urlPathEqualTo(USERS)).withRequestBody(matchingJsonPath("$.username", equalTo(email)))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessage\": \"User exists with same username\"}")));
        stub(get(urlPathEqualTo(USERS)).withQueryParam("username", equalTo(email))
                .willReturn(okJson("[{\"id\": \"%s\", \"username\": \"%s\", \"enabled\": %s}]"
                        .formatted(loginId, email, enabled))));
        stub(get(urlPathEqualTo(USERS + "/" + loginId))
                .willReturn(okJson("""
                        {"id": "%s", "username": "%s", "email": "%s", "enabled": %s,
                         "attributes": {"partner_id": ["%s"]}, "requiredActions": []}"""
                        .formatted(loginId, email, email, enabled, partnerId))));
    }

    private static io.restassured.response.Response invite(String partnerId, String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Rita", "lastName", "Return", "role", "PARTNER_USER"))
                .when().post("/api/v1/partners/{p}/users", partnerId);
    }

    private static JsonNode readTree(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
