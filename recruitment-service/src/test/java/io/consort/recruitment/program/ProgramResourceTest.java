package io.consort.recruitment.program;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.consort.recruitment.Fixtures;
import io.consort.recruitment.PartnerTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramResourceTest {

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aChannelManagerCreatesAProgramWithItsIdealProfile() {
        String name = Fixtures.uniqueName("Resellers EMEA");
        Response created = given().contentType(ContentType.JSON).body(Fixtures.program(name))
                .when().post("/api/v1/programs")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/programs/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo(name))
                .body("partnerTypes", equalTo(List.of("RESELLER")))
                .body("acceptingApplications", equalTo(true))
                .body("idealProfile.regions.values", equalTo(List.of("EMEA")))
                .body("idealProfile.regions.weight", equalTo(60))
                .body("idealProfile.companySize.maxEmployees", equalTo(500))
                .body("idealProfile.industries", nullValue())
                .body("createdBy", equalTo("manager"))
                .extract().response();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/v1/programs/" + id));

        given().when().get("/api/v1/programs/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("idealProfile.companySize.minEmployees", equalTo(10));
    }

    @Test
    @TestSecurity(user = "admin", roles = "prm-admin")
    void creatingAProgramPublishesProgramCreatedKeyedByTheProgram() {
        String id = given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Referral")))
                .when().post("/api/v1/programs")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(id, 1, Duration.ofSeconds(15));
        assertEquals(1, records.size(), "program.created on prm.partners");
        assertEquals("consort.program.created.v1", PartnerTopic.header(records.get(0), "ce_type"));
        assertEquals("/consort/recruitment", PartnerTopic.header(records.get(0), "ce_source"));
        assertEquals(id, PartnerTopic.header(records.get(0), "ce_subject"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anInvalidProgramIsRefusedWithEveryFieldError() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", " ");
        body.put("partnerTypes", List.of());
        body.put("idealProfile", Map.of(
                "regions", Map.of("values", List.of("emea"), "weight", 50),
                "companySize", Map.of("minEmployees", 500, "maxEmployees", 10, "weight", 20)));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/programs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("partnerTypes"))
                .body("errors.field", hasItem("idealProfile.regions.values[0]"))
                .body("errors.field", hasItem("idealProfile.companySize.range"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void weightsThatDoNotAddUpToOneHundredAreRefused() {
        Map<String, Object> body = Map.of("name", Fixtures.uniqueName("Weights"), "partnerTypes", List.of("MSP"),
                "idealProfile", Map.of("regions", Map.of("values", List.of("EMEA"), "weight", 70)));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/programs")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("idealProfile.weightTotal")))
                .body("errors.message", equalTo(List.of("criterion weights must add up to 100")));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anUnknownPartnerTypeOrFieldIsABadRequestNotAServerError() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", Fixtures.uniqueName("X"), "partnerTypes", List.of("PIRATE")))
                .when().post("/api/v1/programs")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + Fixtures.uniqueName("X") + "\", \"partnerTypes\": [\"MSP\"], \"colour\": 1}")
                .when().post("/api/v1/programs")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/programs")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void twoProgramsCannotShareAName() {
        String name = Fixtures.uniqueName("Distributors");
        given().contentType(ContentType.JSON).body(Fixtures.program(name))
                .when().post("/api/v1/programs").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Fixtures.program(name.toUpperCase()))
                .when().post("/api/v1/programs")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void creatingAProgramNeedsAToken() {
        given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Anon")))
                .when().post("/api/v1/programs")
                .then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    void aPartnerUserCannotCreateAProgram() {
        given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Sneaky")))
                .when().post("/api/v1/programs")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "bi", roles = "integrator")
    void anIntegratorReadsButCannotCreatePrograms() {
        given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Machine")))
                .when().post("/api/v1/programs")
                .then().statusCode(403);
        given().when().get("/api/v1/programs").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void anUnknownProgramIsNotFound() {
        given().when().get("/api/v1/programs/{id}", "5f1e0d9c-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void programsArePagedWithACursorUntilTheLastPage() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Paged")))
                    .when().post("/api/v1/programs").then().statusCode(201);
        }
        Response first = given().queryParam("limit", 2).when().get("/api/v1/programs")
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().response();
        Response second = given().queryParam("limit", 2).queryParam("cursor", first.path("nextCursor").toString())
                .when().get("/api/v1/programs")
                .then().statusCode(200).body("items.id", everyItem(notNullValue())).extract().response();
        List<String> firstIds = first.path("items.id");
        List<String> secondIds = second.path("items.id");
        assertNotEquals(firstIds.get(0), secondIds.get(0));
        secondIds.forEach(id -> assertEquals(false, firstIds.contains(id), "pages overlap"));

        given().queryParam("limit", 0).when().get("/api/v1/programs")
                .then().statusCode(400).body("errors.field", equalTo(List.of("limit")));
        given().queryParam("cursor", "not-a-cursor").when().get("/api/v1/programs")
                .then().statusCode(400).body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void theLocationOfANewProgramServesIt() {
        String location = given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Loc")))
                .when().post("/api/v1/programs").then().statusCode(201).extract().header("Location");
        given().when().get(location).then().statusCode(200).body("id", notNullValue())
                .header("ETag", endsWith("\""));
    }
}
