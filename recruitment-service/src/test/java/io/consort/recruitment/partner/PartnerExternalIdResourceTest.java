package io.consort.recruitment.partner;

import static io.restassured.RestAssured.given;
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
import org.junit.jupiter.api.Test;

/** Upsert by the id a CRM knows a partner by, Salesforce style. */
@QuarkusTest
class PartnerExternalIdResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/api/v1/partners/by-external-id/{system}/{externalId}";
    static final String OWN = "0c0c0c0c-0000-4000-8000-000000000031";
    static final String OWN_CRM_ID = "own-0031";

    @Inject
    PartnerFixtures fixtures;

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Map<String, Object> newPartner(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("programId", fixtures.programId().toString());
        body.put("name", name);
        body.put("website", "https://" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example");
        body.put("region", "EMEA");
        body.put("specialisations", List.of("NETWORK"));
        return body;
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void anUpsertCreatesAnOnboardingPartnerThenMergesIntoIt() throws Exception {
        String crmId = "001-" + unique();
        Map<String, Object> body = newPartner("Upserted " + unique());
        body.put("externalIds", Map.of("hubspot", "hs-" + crmId));
        String id = given().contentType(ContentType.JSON).body(body)
                .when().put(PATH, "salesforce", crmId)
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", equalTo("\"0\""))
                .body("state", equalTo("ONBOARDING"))
                .body("type", equalTo("RESELLER"))
                .body("domain", startsWith("upserted-"))
                .body("externalIds.salesforce", equalTo(crmId))
                .body("externalIds.hubspot", equalTo("hs-" + crmId))
                .body("applicationId", equalTo(null))
                .body("createdBy", equalTo("sync-bot"))
                .extract().path("id");

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("region", "DACH"))
                .when().put(PATH, "salesforce", crmId)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("id", equalTo(id)).body("region", equalTo("DACH"))
                .body("specialisations", equalTo(List.of("NETWORK")))
                .body("externalIds.hubspot", equalTo("hs-" + crmId));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("region", "APAC"))
                .when().put(PATH, "salesforce", crmId)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "*").body(newPartner("Nobody"))
                .when().put(PATH, "salesforce", "never-" + unique())
                .then().statusCode(412);

        given().when().get(PATH, "hubspot", "hs-" + crmId).then().statusCode(200).body("id", equalTo(id));
        given().when().get(PATH, "salesforce", "never-" + unique()).then().statusCode(404);

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(id, 2, Duration.ofSeconds(30));
        assertEquals(List.of("consort.partner.onboarding-started.v1", "consort.partner.profile-updated.v1"),
                records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
        JsonNode updated = JSON.readTree(records.get(1).value());
        assertEquals("[\"region\"]", updated.get("changedFields").toString());
        assertEquals("sync-bot", updated.get("updatedBy").asText());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void creatingNeedsProgramAndNameAndAKnownProgram() {
        given().contentType(ContentType.JSON).body(Map.of("region", "EMEA"))
                .when().put(PATH, "salesforce", "new-" + unique())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("programId"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("domain"));
        Map<String, Object> unknownProgram = newPartner("Lost " + unique());
        unknownProgram.put("programId", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(unknownProgram)
                .when().put(PATH, "salesforce", "new-" + unique())
                .then().statusCode(422).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(newPartner("Bad path"))
                .when().put(PATH, "Sales Force", "x")
                .then().statusCode(400).body("errors[0].field", equalTo("system"));
        Map<String, Object> contradicting = newPartner("Contradicting " + unique());
        contradicting.put("externalIds", Map.of("salesforce", "other"));
        given().contentType(ContentType.JSON).body(contradicting)
                .when().put(PATH, "salesforce", "new-" + unique())
                .then().statusCode(400).body("errors[0].field", equalTo("externalIds.salesforce"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anIdAnotherPartnerCarriesIs409() {
        String taken = "taken-" + unique();
        given().contentType(ContentType.JSON).body(newPartner("First " + unique()))
                .when().put(PATH, "salesforce", taken).then().statusCode(201);
        Map<String, Object> second = newPartner("Second " + unique());
        second.put("externalIds", Map.of("salesforce", taken));
        String secondCrmId = "second-" + unique();
        given().contentType(ContentType.JSON).body(second)
                .when().put(PATH, "hubspot", secondCrmId)
                .then().statusCode(409).contentType("application/problem+json");
        given().when().get(PATH, "hubspot", secondCrmId).then().statusCode(404);
        String secondId = given().contentType(ContentType.JSON).body(newPartner("Second " + unique()))
                .when().put(PATH, "hubspot", secondCrmId).then().statusCode(201).extract().path("id");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("externalIds", Map.of("salesforce", taken)))
                .when().patch("/api/v1/partners/{id}", secondId)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "dana", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = OWN))
    void aPartnerSideCallerReadsOnlyItsOwnPartnerByExternalIdAndMayNotUpsert() {
        UUID own = fixtures.onboard(UUID.fromString(OWN), "Own External", "EMEA");
        if (!fixtures.externalIds(own).containsKey("salesforce")) {
            fixtures.set(own, "test", Map.of("externalIds", Map.of("salesforce", OWN_CRM_ID)));
        }
        UUID other = fixtures.onboard("Not yours " + unique(), "EMEA");
        String otherCrmId = "other-" + unique();
        fixtures.set(other, "test", Map.of("externalIds", Map.of("salesforce", otherCrmId)));

        given().when().get(PATH, "salesforce", OWN_CRM_ID).then().statusCode(200).body("id", equalTo(OWN));
        given().when().get(PATH, "salesforce", otherCrmId).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("region", "APAC"))
                .when().put(PATH, "salesforce", OWN_CRM_ID)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void externalIdsNeedAToken() {
        given().when().get(PATH, "salesforce", "x").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put(PATH, "salesforce", "x").then().statusCode(401);
    }
}
