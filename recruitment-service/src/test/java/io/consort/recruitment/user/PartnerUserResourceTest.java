package io.consort.recruitment.user;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.consort.recruitment.KeycloakAdminStub.USERS;
import static io.consort.recruitment.user.PartnerUsersFixture.ACME;
import static io.consort.recruitment.user.PartnerUsersFixture.ACME_ADMIN;
import static io.consort.recruitment.user.PartnerUsersFixture.ACME_USER;
import static io.consort.recruitment.user.PartnerUsersFixture.GLOBEX;
import static io.consort.recruitment.user.PartnerUsersFixture.GLOBEX_ADMIN;
import static io.consort.recruitment.user.PartnerUsersFixture.LONE;
import static io.consort.recruitment.user.PartnerUsersFixture.LONE_ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.consort.recruitment.KeycloakAdminStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The partner users API from both sides: who may list, invite and deactivate whom, and every refusal. */
@QuarkusTest
class PartnerUserResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    PartnerUsersFixture fixture;

    @BeforeEach
    void partnersWithPeople() {
        fixture.seed();
    }

    private static Map<String, Object> person(String email, String role) {
        return Map.of("email", email, "firstName", "Sam", "lastName", "Lee", "role", role);
    }

    private static String someAddress(String partnerDomain) {
        return "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@" + partnerDomain;
    }

    private static Response invite(String partnerId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/partners/{p}/users", partnerId);
    }

    private String idOf(String email) {
        return fixture.row(email).orElseThrow().id().toString();
    }

    @Test
    @TestSecurity(user = "ada", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerAdminInvitesAColleagueWhoseLoginKeycloakThenCreates() {
        String email = someAddress("acme-users.example");
        Response created = invite(ACME, Map.of("email", email.toUpperCase(), "firstName", " Sam ",
                "lastName", "Lee", "role", "PARTNER_USER"));
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("state", equalTo("PROVISIONING"))
                .body("email", equalTo(email))
                .body("firstName", equalTo("Sam"))
                .body("role", equalTo("PARTNER_USER"))
                .body("partnerId", equalTo(ACME))
                .body("keycloakUserId", nullValue())
                .body("createdBy", equalTo("ada"));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/partners/" + ACME + "/users/" + id),
                created.header("Location"));

        PartnerUsersFixture.Row row = fixture.await(email, r -> r.state().equals("ACTIVE"), PATIENCE);
        given().when().get(created.header("Location"))
                .then().statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("keycloakUserId", equalTo(row.keycloakUserId()))
                .body("attempts", equalTo(0));
        WireMock keycloak = KeycloakAdminStub.client();
        assertEquals(1, keycloak.find(postRequestedFor(urlPathEqualTo(USERS + "/" + row.keycloakUserId()
                + "/role-mappings/realm")).withRequestBody(matchingJsonPath("$[0].name",
                        WireMock.equalTo("partner-user")))).size(), "realm role partner-user");
        given().queryParam("limit", 200).when().get("/api/v1/partners/{p}/users", ACME)
                .then().statusCode(200).body("items.email", hasItems(ACME_ADMIN, ACME_USER, email));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void invitingAnAddressThePartnerAlreadyHasIsAConflict() {
        String email = someAddress("acme-users.example");
        invite(ACME, person(email, "PARTNER_USER")).then().statusCode(201);
        invite(ACME, person(email.toUpperCase(), "PARTNER_ADMIN"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already has a user with the address " + email));
        // Another partner may have a person of the same address on our side; Keycloak decides whose login it is.
        invite(GLOBEX, person(email, "PARTNER_USER")).then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aBadInvitationIsRefusedFieldByField() {
        invite(ACME, Map.of("email", "sam@localhost", "firstName", "", "lastName", "<script>", "role", "PARTNER_USER"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("email", "firstName", "lastName")));
        Map<String, Object> noRole = new HashMap<>(person(someAddress("acme-users.example"), "PARTNER_USER"));
        noRole.remove("role");
        invite(ACME, noRole).then().statusCode(400).body("errors.field", equalTo(List.of("role")));
        invite(ACME, person(someAddress("acme-users.example"), "PRM_ADMIN")).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("sam").when().post("/api/v1/partners/{p}/users", ACME)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ada", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerAdminDeactivatesAColleagueAndKeycloakDisablesTheLogin() {
        String email = someAddress("acme-users.example");
        String id = invite(ACME, person(email, "PARTNER_USER")).then().statusCode(201).extract().path("id");
        String loginId = fixture.await(email, r -> r.state().equals("ACTIVE"), PATIENCE).keycloakUserId();

        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", ACME, id)
                .then().statusCode(200)
                .body("state", equalTo("DEACTIVATING"))
                .body("nextAttemptAt", not(nullValue()));
        fixture.await(email, r -> r.state().equals("DEACTIVATED"), PATIENCE);

        WireMock keycloak = KeycloakAdminStub.client();
        assertEquals(1, keycloak.find(putRequestedFor(urlPathEqualTo(USERS + "/" + loginId))
                .withRequestBody(matchingJsonPath("$.enabled", WireMock.equalTo("false")))).size(), "disabled");
        assertEquals(1, keycloak.find(postRequestedFor(urlPathEqualTo(USERS + "/" + loginId + "/logout"))).size(),
                "sessions ended");
        given().when().get("/api/v1/partners/{p}/users/{u}", ACME, id)
                .then().statusCode(200).body("state", equalTo("DEACTIVATED")).body("nextAttemptAt", nullValue());

        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", ACME, id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot deactivate a partner user that is DEACTIVATED"));
        // Once deactivated, the address may be invited again.
        invite(ACME, person(email, "PARTNER_USER")).then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "lou", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = LONE))
    void thePartnersLastActiveAdminCannotBeDeactivated() {
        String id = idOf(LONE_ADMIN);
        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", LONE, id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("last active partner-admin"));
        given().when().get("/api/v1/partners/{p}/users/{u}", LONE, id)
                .then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aStaleIfMatchIsAPreconditionFailure() {
        String email = someAddress("globex-users.example");
        String id = invite(GLOBEX, person(email, "PARTNER_USER")).then().statusCode(201).extract().path("id");
        fixture.await(email, r -> r.state().equals("ACTIVE"), PATIENCE);
        String etag = given().when().get("/api/v1/partners/{p}/users/{u}", GLOBEX, id)
                .then().statusCode(200).extract().header("ETag");

        given().header("If-Match", "\"0\"").when().post("/api/v1/partners/{p}/users/{u}/deactivate", GLOBEX, id)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", etag).when().post("/api/v1/partners/{p}/users/{u}/deactivate", GLOBEX, id)
                .then().statusCode(200).body("state", equalTo("DEACTIVATING"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void anotherPartnersUsersAreNotFound() {
        String globexAdmin = idOf(GLOBEX_ADMIN);
        given().when().get("/api/v1/partners/{p}/users", GLOBEX).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/partners/{p}/users/{u}", GLOBEX, globexAdmin).then().statusCode(404);
        invite(GLOBEX, person(someAddress("globex-users.example"), "PARTNER_ADMIN")).then().statusCode(404);
        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", GLOBEX, globexAdmin).then().statusCode(404);
        // Another partner's user under one's own partner is just as unknown.
        given().when().get("/api/v1/partners/{p}/users/{u}", ACME, globexAdmin).then().statusCode(404);
        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", ACME, globexAdmin).then().statusCode(404);
        given().when().get("/api/v1/partners/{p}/users/{u}", GLOBEX, globexAdmin).then().statusCode(404);
        fixture.await(GLOBEX_ADMIN, r -> r.state().equals("ACTIVE"), PATIENCE);
    }

    @Test
    @TestSecurity(user = "uma", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = ACME))
    void aPartnerUserSeesItsColleaguesButInvitesAndDeactivatesNobody() {
        given().queryParam("limit", 200).when().get("/api/v1/partners/{p}/users", ACME)
                .then().statusCode(200).body("items.email", hasItems(ACME_ADMIN, ACME_USER));
        invite(ACME, person(someAddress("acme-users.example"), "PARTNER_USER"))
                .then().statusCode(403).contentType("application/problem+json");
        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", ACME, idOf(ACME_ADMIN))
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "bi", roles = "integrator")
    void anIntegratorReadsUsersButInvitesNobody() {
        given().queryParam("state", "ACTIVE").when().get("/api/v1/partners/{p}/users", GLOBEX)
                .then().statusCode(200).body("items.email", hasItems(GLOBEX_ADMIN));
        invite(GLOBEX, person(someAddress("globex-users.example"), "PARTNER_USER")).then().statusCode(403);
    }

    @Test
    void partnerUsersNeedAToken() {
        String id = idOf(ACME_ADMIN);
        given().when().get("/api/v1/partners/{p}/users", ACME).then().statusCode(401)
                .contentType("application/problem+json");
        given().when().get("/api/v1/partners/{p}/users/{u}", ACME, id).then().statusCode(401);
        invite(ACME, person(someAddress("acme-users.example"), "PARTNER_USER")).then().statusCode(401);
        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", ACME, id).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void unknownPartnersAndUsersAreNotFoundAndABadFilterIsABadRequest() {
        given().when().get("/api/v1/partners/{p}/users", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        invite(UUID.randomUUID().toString(), person(someAddress("nowhere.example"), "PARTNER_USER"))
                .then().statusCode(404);
        given().when().get("/api/v1/partners/{p}/users/{u}", ACME, UUID.randomUUID()).then().statusCode(404);
        given().when().post("/api/v1/partners/{p}/users/{u}/deactivate", ACME, UUID.randomUUID())
                .then().statusCode(404);
        given().queryParam("state", "HAPPY").when().get("/api/v1/partners/{p}/users", ACME)
                .then().statusCode(400).body("errors.field", equalTo(List.of("state")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUsersEndpointsAreDocumentedWithSummariesAndExamples() {
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().as(Map.class);
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>)
                document.get("paths");
        List<String> missing = new ArrayList<>();
        for (String path : List.of("/api/v1/partners/{partnerId}/users", "/api/v1/partners/{partnerId}/users/{userId}",
                "/api/v1/partners/{partnerId}/users/{userId}/deactivate")) {
            Map<String, Map<String, Object>> operations = paths.get(path);
            if (operations == null) {
                missing.add(path);
                continue;
            }
            operations.forEach((method, op) -> {
                if (op instanceof Map && ((Map<String, Object>) op).get("summary") == null) {
                    missing.add(method + " " + path);
                }
            });
        }
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        for (String name : List.of("PartnerUserRequest", "PartnerUser")) {
            Map<String, Object> schema = schemas.get(name);
            if (schema == null || schema.get("examples") == null && schema.get("example") == null) {
                missing.add("example of " + name);
            }
        }
        assertEquals(List.of(), missing);
    }
}
