package io.consort.recruitment.training;

import static io.consort.recruitment.PartnerJourney.approvedPartner;
import static io.consort.recruitment.PartnerJourney.asManager;
import static io.consort.recruitment.PartnerJourney.asNobody;
import static io.consort.recruitment.PartnerJourney.asPartnerAdmin;
import static io.consort.recruitment.PartnerJourney.asPartnerUser;
import static io.consort.recruitment.PartnerJourney.complete;
import static io.consort.recruitment.PartnerJourney.createModule;
import static io.consort.recruitment.PartnerJourney.createProgram;
import static io.consort.recruitment.PartnerJourney.putPlan;
import static io.consort.recruitment.PartnerJourney.task;
import static io.consort.recruitment.PartnerJourney.taskId;
import static io.consort.recruitment.PartnerJourney.userIdOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.recruitment.PartnerTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Enrolments, completions and certifications. Modules here certify for a year at least: the expiry test
 * sweeps as of two days ahead, and must not expire what these tests expect ACTIVE.
 */
@QuarkusTest
class TrainingResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENROLMENTS = "/api/v1/training/enrolments";
    private static final String COMPLETIONS = "/api/v1/training/completions";
    private static final String CERTIFICATIONS = "/api/v1/training/certifications";

    @Test
    void aPartnersPersonEnrolsThemselvesOncePerModule() {
        String module = createModule(80, null);
        String partner = approvedPartner(createProgram());

        ExtractableResponse<Response> created = asPartnerUser("pat", partner).contentType(ContentType.JSON)
                .body(Map.of("moduleId", module))
                .when().post(ENROLMENTS)
                .then().statusCode(201)
                .body("partnerId", equalTo(partner))
                .body("userId", equalTo(userIdOf("pat")))
                .body("moduleId", equalTo(module))
                .body("state", equalTo("ENROLLED"))
                .body("enrolledBy", equalTo("pat"))
                .extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith(ENROLMENTS + "/" + id), created.header("Location"));

        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("moduleId", module))
                .when().post(ENROLMENTS)
                .then().statusCode(409).contentType("application/problem+json");
        asPartnerAdmin("dana", partner).when().get(ENROLMENTS + "/{id}", id)
                .then().statusCode(200).body("userId", equalTo(userIdOf("pat")));
        asPartnerAdmin("dana", partner).queryParam("partnerId", partner).when().get(ENROLMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void theVendorEnrolsANamedPersonOfAPartner() {
        String module = createModule(80, null);
        String partner = approvedPartner(createProgram());

        asManager().contentType(ContentType.JSON)
                .body(Map.of("moduleId", module, "partnerId", partner, "userId", userIdOf("kim")))
                .when().post(ENROLMENTS)
                .then().statusCode(201)
                .body("userId", equalTo(userIdOf("kim")))
                .body("enrolledBy", equalTo("manager"));
        asManager().contentType(ContentType.JSON).body(Map.of("moduleId", module, "userId", "someone"))
                .when().post(ENROLMENTS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("partnerId")));
        asManager().contentType(ContentType.JSON).body(Map.of("moduleId", module, "partnerId", partner))
                .when().post(ENROLMENTS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("userId")));
        asManager().contentType(ContentType.JSON)
                .body(Map.of("moduleId", module, "partnerId", UUID.randomUUID().toString(), "userId", "someone"))
                .when().post(ENROLMENTS)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void enrolmentsAreRefusedForUnknownModulesOtherPeopleAndOtherPartners() {
        String module = createModule(80, null);
        String program = createProgram();
        String partner = approvedPartner(program);
        String other = approvedPartner(program);

        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("moduleId", UUID.randomUUID().toString()))
                .when().post(ENROLMENTS).then().statusCode(422).contentType("application/problem+json");
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of())
                .when().post(ENROLMENTS).then().statusCode(400).body("errors.field", equalTo(List.of("moduleId")));
        asPartnerAdmin("dana", partner).contentType(ContentType.JSON)
                .body(Map.of("moduleId", module, "userId", userIdOf("pat")))
                .when().post(ENROLMENTS).then().statusCode(403).contentType("application/problem+json");
        asPartnerUser("pat", partner).contentType(ContentType.JSON)
                .body(Map.of("moduleId", module, "partnerId", other))
                .when().post(ENROLMENTS).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aFailingScoreIsRecordedButNeitherCertifiesNorCompletesOnboarding() throws Exception {
        String module = createModule(80, 365);
        String program = createProgram();
        putPlan(program, List.of(task("COMPLETE_TRAINING", "Pass the basics", true, module)));
        String partner = approvedPartner(program);

        complete("pat", partner, module, 79)
                .statusCode(201)
                .body("passed", equalTo(false))
                .body("score", equalTo(79))
                .body("passingScore", equalTo(80))
                .body("userId", equalTo(userIdOf("pat")))
                .body("certification", nullValue());

        asManager().when().get("/api/v1/partners/{id}/onboarding", partner)
                .then().body("tasks[0].status", equalTo("OPEN")).body("partnerState", equalTo("ONBOARDING"));
        asPartnerUser("pat", partner).queryParam("partnerId", partner).when().get(CERTIFICATIONS)
                .then().statusCode(200).body("items", equalTo(List.of()));

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(partner, 3, Duration.ofSeconds(15));
        assertEquals("consort.training.completed.v1", PartnerTopic.header(records.get(2), "ce_type"));
        JsonNode payload = JSON.readTree(records.get(2).value());
        assertEquals(false, payload.get("passed").asBoolean());
        assertEquals(79, payload.get("score").asInt());
        assertEquals(module, payload.get("moduleId").asText());
    }

    @Test
    void passingAModuleCertifiesThePersonAndCompletesThePartnersTrainingTask() throws Exception {
        String module = createModule(80, 365);
        String program = createProgram();
        putPlan(program, List.of(task("ACCEPT_AGREEMENT", "Accept", true),
                task("COMPLETE_TRAINING", "Pass the basics", true, module)));
        String partner = approvedPartner(program);
        asPartnerAdmin("dana", partner).when()
                .post("/api/v1/partners/{id}/onboarding/tasks/{taskId}/complete", partner, taskId(partner, "ACCEPT_AGREEMENT"))
                .then().statusCode(200).body("partnerState", equalTo("ONBOARDING"));

        ExtractableResponse<Response> passed = complete("pat", partner, module, 80)
                .statusCode(201)
                .header("Location", containsString(COMPLETIONS + "/"))
                .body("passed", equalTo(true))
                .body("certification.status", equalTo("ACTIVE"))
                .body("certification.userId", equalTo(userIdOf("pat")))
                .body("certification.partnerId", equalTo(partner))
                .extract();
        Instant completedAt = Instant.parse(passed.path("completedAt"));
        Instant expiresAt = Instant.parse(passed.path("certification.expiresAt"));
        assertEquals(completedAt.plus(Duration.ofDays(365)), expiresAt);
        String certification = passed.path("certification.id");

        asPartnerUser("pat", partner).when().get("/api/v1/partners/{id}/onboarding", partner)
                .then().statusCode(200)
                .body("partnerState", equalTo("ACTIVE"))
                .body("tasks[1].status", equalTo("DONE"))
                .body("tasks[1].completedBy", equalTo(userIdOf("pat")));
        asPartnerUser("pat", partner).when().get(COMPLETIONS + "/{id}", (String) passed.path("id"))
                .then().statusCode(200).body("certification.id", equalTo(certification));
        asPartnerAdmin("dana", partner).queryParam("partnerId", partner).queryParam("status", "ACTIVE")
                .when().get(CERTIFICATIONS)
                .then().statusCode(200).body("items.id", equalTo(List.of(certification)));
        asPartnerAdmin("dana", partner).queryParam("partnerId", partner).queryParam("status", "EXPIRED")
                .when().get(CERTIFICATIONS)
                .then().statusCode(200).body("items", equalTo(List.of()));
        asManager().when().get(CERTIFICATIONS + "/{id}", certification)
                .then().statusCode(200).body("name", containsString("Certified"));

        // approved, onboarding-started, task (agreement), training.completed, certification.earned, task, activated
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(partner, 7, Duration.ofSeconds(15));
        assertEquals(List.of("consort.application.approved.v1", "consort.partner.onboarding-started.v1",
                        "consort.partner.onboarding-task-completed.v1", "consort.training.completed.v1",
                        "consort.certification.earned.v1", "consort.partner.onboarding-task-completed.v1",
                        "consort.partner.activated.v1"),
                records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
        JsonNode completed = JSON.readTree(records.get(3).value());
        assertEquals(true, completed.get("passed").asBoolean());
        assertEquals(80, completed.get("score").asInt());
        assertEquals(userIdOf("pat"), completed.get("userId").asText());
        JsonNode earned = JSON.readTree(records.get(4).value());
        assertEquals(certification, earned.get("certificationId").asText());
        assertEquals(expiresAt, Instant.parse(earned.get("expiresAt").asText()));
        assertEquals(certification, PartnerTopic.header(records.get(4), "ce_subject"));
        JsonNode task = JSON.readTree(records.get(5).value());
        assertEquals("COMPLETE_TRAINING", task.get("kind").asText());
        assertEquals(module, task.get("trainingModuleId").asText());
        assertEquals(userIdOf("pat"), JSON.readTree(records.get(6).value()).get("activatedBy").asText());
    }

    @Test
    void anAttemptIsRecordedForAnEnrolmentOnlyByItsPersonOrTheVendor() {
        String module = createModule(60, null);
        String program = createProgram();
        String partner = approvedPartner(program);
        String enrolment = asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("moduleId", module))
                .when().post(ENROLMENTS).then().statusCode(201).extract().path("id");

        asPartnerUser("kim", partner).contentType(ContentType.JSON).body(Map.of("enrolmentId", enrolment, "score", 90))
                .when().post(COMPLETIONS).then().statusCode(403).contentType("application/problem+json");
        asPartnerUser("pat", approvedPartner(program)).contentType(ContentType.JSON)
                .body(Map.of("enrolmentId", enrolment, "score", 90))
                .when().post(COMPLETIONS).then().statusCode(404).contentType("application/problem+json");
        asManager().contentType(ContentType.JSON).body(Map.of("enrolmentId", enrolment, "score", 40))
                .when().post(COMPLETIONS).then().statusCode(201).body("passed", equalTo(false))
                .body("recordedBy", equalTo("manager"));
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("enrolmentId", enrolment, "score", 60))
                .when().post(COMPLETIONS).then().statusCode(201).body("passed", equalTo(true));
        asManager().when().get(ENROLMENTS + "/{id}", enrolment)
                .then().body("state", equalTo("PASSED")).body("passedAt", notNullValue());
    }

    @Test
    void aMalformedAttemptIsRefused() {
        String module = createModule(60, null);
        String partner = approvedPartner(createProgram());
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("score", 50))
                .when().post(COMPLETIONS).then().statusCode(400).body("errors.field", equalTo(List.of("enrolmentId")));
        asPartnerUser("pat", partner).contentType(ContentType.JSON)
                .body(Map.of("moduleId", module, "enrolmentId", UUID.randomUUID().toString(), "score", 50))
                .when().post(COMPLETIONS).then().statusCode(400);
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("moduleId", module, "score", 101))
                .when().post(COMPLETIONS).then().statusCode(400).body("errors.field", equalTo(List.of("score")));
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Map.of("moduleId", module))
                .when().post(COMPLETIONS).then().statusCode(400).body("errors.field", equalTo(List.of("score")));
        asPartnerUser("pat", partner).contentType(ContentType.JSON)
                .body(Map.of("moduleId", UUID.randomUUID().toString(), "score", 50))
                .when().post(COMPLETIONS).then().statusCode(422);
        asPartnerUser("pat", partner).contentType(ContentType.JSON)
                .body(Map.of("enrolmentId", UUID.randomUUID().toString(), "score", 50))
                .when().post(COMPLETIONS).then().statusCode(404);
    }

    @Test
    void anotherPartnersTrainingIsNotFound() {
        String module = createModule(60, 365);
        String program = createProgram();
        String theirs = approvedPartner(program);
        String mine = approvedPartner(program);
        ExtractableResponse<Response> passed = complete("kim", theirs, module, 90).statusCode(201).extract();
        String enrolment = passed.path("enrolmentId");

        asPartnerUser("pat", mine).when().get(ENROLMENTS + "/{id}", enrolment).then().statusCode(404)
                .contentType("application/problem+json");
        asPartnerUser("pat", mine).when().get(COMPLETIONS + "/{id}", (String) passed.path("id")).then().statusCode(404);
        asPartnerUser("pat", mine).when().get(CERTIFICATIONS + "/{id}", (String) passed.path("certification.id"))
                .then().statusCode(404);
        asPartnerUser("pat", mine).queryParam("partnerId", theirs).when().get(CERTIFICATIONS).then().statusCode(404);
        asPartnerUser("pat", mine).queryParam("partnerId", theirs).when().get(ENROLMENTS).then().statusCode(404);
        // Unfiltered lists hold only the caller's own partner's rows.
        String own = complete("pat", mine, module, 95).statusCode(201).extract().path("enrolmentId");
        asPartnerUser("pat", mine).queryParam("moduleId", module).when().get(ENROLMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(own)));
        asPartnerUser("pat", mine).queryParam("moduleId", module).when().get(CERTIFICATIONS)
                .then().statusCode(200).body("items.partnerId", equalTo(List.of(mine)));
        asManager().queryParam("moduleId", module).when().get(ENROLMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(enrolment, own)));
    }

    @Test
    void badFiltersAreRefused() {
        asManager().queryParam("status", "LAPSED").when().get(CERTIFICATIONS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("status")));
        asManager().queryParam("partnerId", "acme").when().get(CERTIFICATIONS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("partnerId")));
        asManager().queryParam("state", "DONE").when().get(ENROLMENTS)
                .then().statusCode(400).body("errors.field", equalTo(List.of("state")));
    }

    @Test
    void trainingNeedsATokenAndARole() {
        Map<String, Object> attempt = new HashMap<>(Map.of("moduleId", UUID.randomUUID().toString(), "score", 10));
        given().when().get(ENROLMENTS).then().statusCode(401).contentType("application/problem+json");
        given().when().get(ENROLMENTS + "/{id}", UUID.randomUUID()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("moduleId", UUID.randomUUID().toString()))
                .when().post(ENROLMENTS).then().statusCode(401);
        given().contentType(ContentType.JSON).body(attempt).when().post(COMPLETIONS).then().statusCode(401);
        given().when().get(COMPLETIONS + "/{id}", UUID.randomUUID()).then().statusCode(401);
        given().when().get(CERTIFICATIONS).then().statusCode(401);
        given().when().get(CERTIFICATIONS + "/{id}", UUID.randomUUID()).then().statusCode(401);

        asNobody().when().get(ENROLMENTS).then().statusCode(403).contentType("application/problem+json");
        asNobody().when().get(ENROLMENTS + "/{id}", UUID.randomUUID()).then().statusCode(403);
        asNobody().contentType(ContentType.JSON).body(Map.of("moduleId", UUID.randomUUID().toString()))
                .when().post(ENROLMENTS).then().statusCode(403);
        asNobody().contentType(ContentType.JSON).body(attempt).when().post(COMPLETIONS).then().statusCode(403);
        asNobody().when().get(COMPLETIONS + "/{id}", UUID.randomUUID()).then().statusCode(403);
        asNobody().when().get(CERTIFICATIONS).then().statusCode(403);
        asNobody().when().get(CERTIFICATIONS + "/{id}", UUID.randomUUID()).then().statusCode(403);
    }
}
