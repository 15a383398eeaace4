package io.consort.recruitment.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.recruitment.PartnerTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profile changes by merge patch, and the hierarchy: DIST distributes through RESELLER; OTHER is
 * unrelated. Token claims are constants, so these three have fixed ids.
 */
@QuarkusTest
class PartnerProfileResourceTest {

    static final String DIST = "0c0c0c0c-0000-4000-8000-000000000011";
    static final String RESELLER = "0c0c0c0c-0000-4000-8000-000000000012";
    static final String OTHER = "0c0c0c0c-0000-4000-8000-000000000013";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PartnerFixtures fixtures;

    @BeforeEach
    void hierarchy() {
        fixtures.onboard(UUID.fromString(DIST), "Dist Corp", "EMEA");
        fixtures.onboard(UUID.fromString(RESELLER), "Reseller Corp", "EMEA");
        fixtures.onboard(UUID.fromString(OTHER), "Other Corp", "APAC");
        if (!UUID.fromString(DIST).equals(fixtures.parentOf(UUID.fromString(RESELLER)))) {
            fixtures.set(UUID.fromString(RESELLER), "test", Map.of("parentPartnerId", DIST));
        }
    }

    private static String etag(String id) {
        return given().when().get("/api/v1/partners/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aMergePatchSetsTheGivenFieldsClearsNullsAndAnswersTheNewETagAndEvent() throws Exception {
        String id = fixtures.onboard("Patchable " + UUID.randomUUID(), "EMEA").toString();
        Map<String, Object> patch = new HashMap<>();
        patch.put("website", "patchable.example");
        patch.put("specialisations", List.of("CLOUD_SECURITY", "NETWORK"));
        patch.put("region", null);
        patch.put("listedInDirectory", true);
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(patch)
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("website", equalTo("https://patchable.example"))
                .body("specialisations", contains("CLOUD_SECURITY", "NETWORK"))
                .body("region", equalTo(null))
                .body("listedInDirectory", equalTo(true))
                .body("name", startsWith("Patchable"))
                .body("origin", equalTo("manager"));

        // An edit that changes nothing is no change: same version, no event.
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("listedInDirectory", true))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(id, 2, Duration.ofSeconds(30));
        assertEquals(2, records.size());
        assertEquals("consort.partner.profile-updated.v1", PartnerTopic.header(records.get(1), "ce_type"));
        JsonNode event = JSON.readTree(records.get(1).value());
        assertEquals(List.of("region", "website", "specialisations", "listedInDirectory").stream().sorted().toList(),
                JSON.convertValue(event.get("changedFields"), List.class).stream().sorted().toList());
        assertEquals("manager", event.get("updatedBy").asText());
        assertEquals(true, event.get("listedInDirectory").asBoolean());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aPatchWithoutIfMatchIs428AndWithAStaleOne412() {
        String id = fixtures.onboard("Guarded " + UUID.randomUUID(), "EMEA").toString();
        given().contentType(MERGE_PATCH).body(Map.of("name", "Blind"))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(MERGE_PATCH).header("If-Match", "\"7\"").body(Map.of("name", "Stale"))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
        given().when().get("/api/v1/partners/{id}", id).then().body("name", startsWith("Guarded"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void invalidFieldsAre400NamingEachAndNothingChanges() {
        String id = fixtures.onboard("Strict " + UUID.randomUUID(), "EMEA").toString();
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", " ");
        patch.put("region", "emea");
        patch.put("website", "ftp://nowhere");
        patch.put("specialisations", List.of("OK", "not ok"));
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(patch)
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("region"))
                .body("errors.field", hasItem("website"))
                .body("errors.field", hasItem("specialisations[1]"));
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(Map.of("state", "ACTIVE"))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(Map.of("listedInDirectory", "yes"))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("listedInDirectory"));
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("[1]")
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).header("If-Match", "\"0\"").body("name=x")
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("Unsupported content type; this endpoint takes "
                        + "application/merge-patch+json or application/json"));
        given().when().get("/api/v1/partners/{id}", id).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anUnknownProgramOrATypeTheProgramDoesNotRecruitIs422() {
        String id = fixtures.onboard("Misplaced " + UUID.randomUUID(), "EMEA").toString();
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(Map.of("programId", UUID.randomUUID()))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(422).contentType("application/problem+json");
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(Map.of("type", "MSP"))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(422);
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(Map.of("type", "WIZARD"))
                .when().patch("/api/v1/partners/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void theHierarchyRefusesCyclesAndUnknownParents() {
        UUID top = fixtures.onboard("Top " + UUID.randomUUID(), "EMEA");
        UUID middle = fixtures.onboard("Middle " + UUID.randomUUID(), "EMEA");
        UUID bottom = fixtures.onboard("Bottom " + UUID.randomUUID(), "EMEA");
        fixtures.set(middle, "test", Map.of("parentPartnerId", top.toString()));
        fixtures.set(bottom, "test", Map.of("parentPartnerId", middle.toString()));

        given().contentType(MERGE_PATCH).header("If-Match", etag(top.toString()))
                .body(Map.of("parentPartnerId", bottom.toString()))
                .when().patch("/api/v1/partners/{id}", top)
                .then().statusCode(422).contentType("application/problem+json");
        given().contentType(MERGE_PATCH).header("If-Match", etag(top.toString()))
                .body(Map.of("parentPartnerId", top.toString()))
                .when().patch("/api/v1/partners/{id}", top)
                .then().statusCode(422);
        given().contentType(MERGE_PATCH).header("If-Match", etag(top.toString()))
                .body(Map.of("parentPartnerId", UUID.randomUUID().toString()))
                .when().patch("/api/v1/partners/{id}", top)
                .then().statusCode(422);

        given().when().get("/api/v1/partners/{id}/children", top)
                .then().statusCode(200).body("items.id", contains(middle.toString())).body("nextCursor", equalTo(null));
        // Moving the bottom up is no cycle.
        given().contentType(MERGE_PATCH).header("If-Match", etag(bottom.toString()))
                .body(Map.of("parentPartnerId", top.toString()))
                .when().patch("/api/v1/partners/{id}", bottom)
                .then().statusCode(200).body("parentPartnerId", equalTo(top.toString()));
        given().when().get("/api/v1/partners/{id}/children", top)
                .then().statusCode(200).body("items.id", contains(middle.toString(), bottom.toString()));
        given().when().get("/api/v1/partners/{id}/children", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "dana", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = DIST))
    void aPartnerAdminChangesItsOwnPartnerAndItsChildrenButNoOneElses() {
        given().contentType(MERGE_PATCH).header("If-Match", etag(DIST))
                .body(Map.of("description", "We distribute " + UUID.randomUUID()))
                .when().patch("/api/v1/partners/{id}", DIST)
                .then().statusCode(200).body("origin", equalTo("dana"));
        given().contentType(MERGE_PATCH).header("If-Match", etag(RESELLER))
                .body(Map.of("specialisations", List.of("NETWORK")))
                .when().patch("/api/v1/partners/{id}", RESELLER)
                .then().statusCode(200).body("specialisations", contains("NETWORK"));
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(Map.of("description", "hijacked"))
                .when().patch("/api/v1/partners/{id}", OTHER)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "dana", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = DIST))
    void aPartnerAdminMayNotSetWhatPlacesThePartnerInTheChannel() {
        for (Map<String, Object> patch : List.<Map<String, Object>>of(Map.of("region", "APAC"),
                Map.of("programId", UUID.randomUUID().toString()), Map.of("parentPartnerId", OTHER),
                Map.of("type", "MSP"), Map.of("externalIds", Map.of("salesforce", "x")))) {
            given().contentType(MERGE_PATCH).header("If-Match", etag(DIST)).body(patch)
                    .when().patch("/api/v1/partners/{id}", DIST)
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    @TestSecurity(user = "dana", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = DIST))
    void aPartnerAdminSeesItsChildrenEverywhere() {
        given().when().get("/api/v1/partners/{id}", RESELLER).then().statusCode(200);
        given().when().get("/api/v1/partners/{id}/children", DIST)
                .then().statusCode(200).body("items.id", contains(RESELLER));
        given().queryParam("limit", 200).when().get("/api/v1/partners")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(DIST, RESELLER));
        given().when().get("/api/v1/partners/{id}/children", OTHER).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "sam", roles = "partner-user")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = DIST))
    void aPartnerUserSeesOnlyItsOwnPartnerAndMayNotPatch() {
        given().when().get("/api/v1/partners/{id}", RESELLER).then().statusCode(404);
        given().when().get("/api/v1/partners/{id}/children", DIST)
                .then().statusCode(200).body("items", equalTo(List.of()));
        given().contentType(MERGE_PATCH).header("If-Match", etag(DIST)).body(Map.of("description", "x"))
                .when().patch("/api/v1/partners/{id}", DIST)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void patchingAndHierarchyNeedAToken() {
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body(Map.of("name", "x"))
                .when().patch("/api/v1/partners/{id}", DIST)
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/partners/{id}/children", DIST).then().statusCode(401);
    }
}
