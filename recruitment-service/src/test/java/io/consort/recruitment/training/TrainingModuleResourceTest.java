package io.consort.recruitment.training;

import static io.consort.recruitment.PartnerJourney.approvedPartner;
import static io.consort.recruitment.PartnerJourney.asManager;
import static io.consort.recruitment.PartnerJourney.asNobody;
import static io.consort.recruitment.PartnerJourney.asPartnerUser;
import static io.consort.recruitment.PartnerJourney.createModule;
import static io.consort.recruitment.PartnerJourney.createProgram;
import static io.consort.recruitment.PartnerJourney.putPlan;
import static io.consort.recruitment.PartnerJourney.task;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.consort.recruitment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingModuleResourceTest {

    private static final String MODULES = "/api/v1/training/modules";
    private static final String MODULE = "/api/v1/training/modules/{id}";

    private static Map<String, Object> module(String title, int passingScore, Map<String, Object> certification) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Firewalls, VPN and zero trust");
        body.put("durationMinutes", 90);
        body.put("passingScore", passingScore);
        if (certification != null) {
            body.put("certification", certification);
        }
        return body;
    }

    @Test
    void aManagerDefinesAModuleThatPartnersRead() {
        String title = Fixtures.uniqueName("Security Fundamentals");
        String id = asManager().contentType(ContentType.JSON)
                .body(module(title, 80, Map.of("name", "Certified Security Associate", "validityDays", 365)))
                .when().post(MODULES)
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/api/v1/training/modules/"))
                .body("title", equalTo(title))
                .body("passingScore", equalTo(80))
                .body("durationMinutes", equalTo(90))
                .body("certification.name", equalTo("Certified Security Associate"))
                .body("certification.validityDays", equalTo(365))
                .body("createdBy", equalTo("manager"))
                .extract().path("id");

        String partner = approvedPartner(createProgram());
        asPartnerUser("pat", partner).when().get(MODULE, id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("title", equalTo(title));
        asPartnerUser("pat", partner).queryParam("limit", 200).when().get(MODULES)
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void aModuleIsReplacedOnlyAtItsCurrentVersion() {
        String id = createModule(80, 365);
        asManager().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(module("Renamed", 70, null))
                .when().put(MODULE, id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Renamed"))
                .body("passingScore", equalTo(70))
                .body("certification", nullValue());
        asManager().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(module("Stale", 60, null))
                .when().put(MODULE, id)
                .then().statusCode(412).contentType("application/problem+json");
        asManager().when().get(MODULE, id).then().body("title", equalTo("Renamed"));
        asManager().contentType(ContentType.JSON).body(module("Gone", 60, null))
                .when().put(MODULE, UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anInvalidModuleIsRefusedWithEveryFieldError() {
        Map<String, Object> body = module(" ", 101, Map.of("name", "", "validityDays", 0));
        body.put("durationMinutes", 0);
        asManager().contentType(ContentType.JSON).body(body)
                .when().post(MODULES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("certification.name", "certification.validityDays",
                        "durationMinutes", "passingScore", "title")));
        asManager().contentType(ContentType.JSON).body(Map.of("title", "No score", "durationMinutes", 30))
                .when().post(MODULES)
                .then().statusCode(400).body("errors.field", equalTo(List.of("passingScore")));
        asManager().contentType(ContentType.TEXT).body("title")
                .when().post(MODULES).then().statusCode(415);
    }

    @Test
    void aModuleInUseCannotBeDeleted() {
        String inPlan = createModule(50, null);
        putPlan(createProgram(), List.of(task("COMPLETE_TRAINING", "Basics", true, inPlan)));
        asManager().when().delete(MODULE, inPlan)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("onboarding plan"));

        String enrolled = createModule(50, null);
        String partner = approvedPartner(createProgram());
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("moduleId", enrolled))
                .when().post("/api/v1/training/enrolments").then().statusCode(201);
        asManager().when().delete(MODULE, enrolled)
                .then().statusCode(409).body("detail", containsString("enrolments"));
    }

    @Test
    void anUnusedModuleIsDeletedAtItsCurrentVersion() {
        String id = createModule(50, null);
        asManager().header("If-Match", "\"3\"").when().delete(MODULE, id).then().statusCode(412);
        asManager().header("If-Match", "\"0\"").when().delete(MODULE, id).then().statusCode(204);
        asManager().when().get(MODULE, id).then().statusCode(404).contentType("application/problem+json");
        asManager().when().delete(MODULE, id).then().statusCode(404);
    }

    @Test
    void onlyTheVendorsManagersDefineModules() {
        String id = createModule(50, null);
        String partner = approvedPartner(createProgram());
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(module("Mine", 50, null))
                .when().post(MODULES).then().statusCode(403).contentType("application/problem+json");
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(module("Mine", 50, null))
                .when().put(MODULE, id).then().statusCode(403);
        asPartnerUser("pat", partner).when().delete(MODULE, id).then().statusCode(403);
        asNobody().when().get(MODULE, id).then().statusCode(403);
        asNobody().when().get(MODULES).then().statusCode(403);
    }

    @Test
    void modulesNeedAToken() {
        String id = createModule(50, null);
        given().when().get(MODULES).then().statusCode(401).contentType("application/problem+json");
        given().when().get(MODULE, id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(module("x", 1, null)).when().post(MODULES).then().statusCode(401);
        given().contentType(ContentType.JSON).body(module("x", 1, null)).when().put(MODULE, id).then().statusCode(401);
        given().when().delete(MODULE, id).then().statusCode(401);
    }

    @Test
    void anUnknownModuleIsNotFoundAndAMalformedIdRefused() {
        asManager().when().get(MODULE, UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asManager().queryParam("limit", 0).when().get(MODULES).then().statusCode(400)
                .body("errors.field", equalTo(List.of("limit")));
        asManager().when().get(MODULE, "x").then().statusCode(400).header("Content-Type", endsWith("problem+json"));
    }
}
