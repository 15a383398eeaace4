package io.consort.recruitment.onboarding;

import static io.consort.recruitment.PartnerJourney.approvedPartner;
import static io.consort.recruitment.PartnerJourney.asManager;
import static io.consort.recruitment.PartnerJourney.asNobody;
import static io.consort.recruitment.PartnerJourney.asPartnerAdmin;
import static io.consort.recruitment.PartnerJourney.asPartnerUser;
import static io.consort.recruitment.PartnerJourney.createModule;
import static io.consort.recruitment.PartnerJourney.createProgram;
import static io.consort.recruitment.PartnerJourney.putPlan;
import static io.consort.recruitment.PartnerJourney.task;
import static io.consort.recruitment.PartnerJourney.taskId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.recruitment.PartnerJourney;
import io.consort.recruitment.PartnerTopic;
import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerOnboardingResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONBOARDING = "/api/v1/partners/{id}/onboarding";
    private static final String COMPLETE = "/api/v1/partners/{id}/onboarding/tasks/{taskId}/complete";

    @Test
    void approvingAnApplicationGivesThePartnerTheProgramsPlanAsItIsThen() {
        String program = createProgram();
        putPlan(program, List.of(task("ACCEPT_AGREEMENT", "Accept the agreement", true),
                task("COMPLETE_PROFILE", "Complete the profile", true),
                task("CUSTOM", "Book a kick-off call", false)));
        String partner = approvedPartner(program);

        asPartnerUser("pat", partner).when().get(ONBOARDING, partner)
                .then().statusCode(200)
                .body("partnerId", equalTo(partner))
                .body("programId", equalTo(program))
                .body("partnerState", equalTo("ONBOARDING"))
                .body("planVersion", equalTo(0))
                .body("startedAt", notNullValue())
                .body("completedAt", nullValue())
                .body("tasks.kind", equalTo(List.of("ACCEPT_AGREEMENT", "COMPLETE_PROFILE", "CUSTOM")))
                .body("tasks.status", equalTo(List.of("OPEN", "OPEN", "OPEN")))
                .body("progress.requiredTasks", equalTo(2))
                .body("progress.requiredTasksDone", equalTo(0))
                .body("progress.totalTasks", equalTo(3))
                .body("progress.percentRequiredDone", equalTo(0));

        // Editing the plan later changes what new partners get, not this partner's checklist.
        asManager().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("tasks", List.of(task("CUSTOM", "Something else", true))))
                .when().put("/api/v1/programs/{id}/onboarding-plan", program).then().statusCode(200);
        asManager().when().get(ONBOARDING, partner)
                .then().statusCode(200).body("tasks.size()", equalTo(3)).body("planVersion", equalTo(0));
        String later = approvedPartner(program);
        asManager().when().get(ONBOARDING, later)
                .then().statusCode(200).body("tasks.title", equalTo(List.of("Something else"))).body("planVersion", equalTo(1));
    }

    @Test
    void completingEveryRequiredTaskActivatesThePartnerWithItsEvents() throws Exception {
        String program = createProgram();
        putPlan(program, List.of(task("ACCEPT_AGREEMENT", "Accept the agreement", true),
                task("COMPLETE_PROFILE", "Complete the profile", true),
                task("CUSTOM", "Book a kick-off call", false)));
        String partner = approvedPartner(program);
        String agreement = taskId(partner, "ACCEPT_AGREEMENT");
        String profile = taskId(partner, "COMPLETE_PROFILE");

        asPartnerAdmin("dana", partner).when().post(COMPLETE, partner, agreement)
                .then().statusCode(200)
                .body("partnerState", equalTo("ONBOARDING"))
                .body("tasks[0].status", equalTo("DONE"))
                .body("tasks[0].completedBy", equalTo("dana"))
                .body("tasks[0].completedAt", notNullValue())
                .body("progress.requiredTasksDone", equalTo(1))
                .body("progress.percentRequiredDone", equalTo(50));
        asPartnerUser("pat", partner).when().post(COMPLETE, partner, profile)
                .then().statusCode(200)
                .body("partnerState", equalTo("ACTIVE"))
                .body("completedAt", notNullValue())
                .body("progress.percentRequiredDone", equalTo(100))
                .body("tasks[2].status", equalTo("OPEN"));
        asManager().when().get("/api/v1/partners/{id}", partner).then().statusCode(200).body("state", equalTo("ACTIVE"));

        // The optional task may still be done; the partner is not activated again.
        asPartnerUser("pat", partner).when().post(COMPLETE, partner, taskId(partner, "CUSTOM"))
                .then().statusCode(200).body("partnerState", equalTo("ACTIVE"));

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(partner, 6, Duration.ofSeconds(15));
        assertEquals(List.of("consort.application.approved.v1", "consort.partner.onboarding-started.v1",
                        "consort.partner.onboarding-task-completed.v1", "consort.partner.onboarding-task-completed.v1",
                        "consort.partner.activated.v1", "consort.partner.onboarding-task-completed.v1"),
                records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());

        JsonNode first = JSON.readTree(records.get(2).value());
        assertEquals(partner, first.get("partnerId").asText());
        assertEquals(agreement, first.get("taskId").asText());
        assertEquals("ACCEPT_AGREEMENT", first.get("kind").asText());
        assertEquals("dana", first.get("completedBy").asText());
        assertEquals(2, first.get("requiredTasks").asInt());
        assertEquals(1, first.get("requiredTasksDone").asInt());
        assertEquals(2, JSON.readTree(records.get(3).value()).get("requiredTasksDone").asInt());

        ConsumerRecord<String, String> activated = records.get(4);
        assertEquals(partner, PartnerTopic.header(activated, "ce_subject"));
        JsonNode payload = JSON.readTree(activated.value());
        assertEquals(partner, payload.get("partnerId").asText());
        assertEquals(program, payload.get("programId").asText());
        assertEquals("pat", payload.get("activatedBy").asText());

        assertEquals(false, JSON.readTree(records.get(5).value()).get("required").asBoolean());
    }

    @Test
    void aPlanWithoutRequiredTasksActivatesThePartnerOnApproval() {
        String program = createProgram();
        putPlan(program, List.of(task("CUSTOM", "Say hello to your channel manager", false)));
        String partner = approvedPartner(program);

        asManager().when().get(ONBOARDING, partner)
                .then().statusCode(200)
                .body("partnerState", equalTo("ACTIVE"))
                .body("completedAt", notNullValue())
                .body("tasks.status", equalTo(List.of("OPEN")));
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecordsWithoutLogins(partner, 3, Duration.ofSeconds(15));
        assertEquals(List.of("consort.application.approved.v1", "consort.partner.onboarding-started.v1",
                "consort.partner.activated.v1"), records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
    }

    @Test
    void aProgramWithoutAPlanGivesItsPartnersTheDefaultChecklist() {
        String program = createProgram();
        String partner = approvedPartner(program);

        asManager().when().get(ONBOARDING, partner)
                .then().statusCode(200)
                .body("partnerState", equalTo("ONBOARDING"))
                .body("planVersion", nullValue())
                .body("tasks.kind", equalTo(List.of("ACCEPT_AGREEMENT", "COMPLETE_PROFILE")));
    }

    @Test
    void onlyThePartnersAdminOrTheVendorAcceptsTheAgreement() {
        String partner = approvedPartner(createProgram());
        String agreement = taskId(partner, "ACCEPT_AGREEMENT");

        asPartnerUser("pat", partner).when().post(COMPLETE, partner, agreement)
                .then().statusCode(403).contentType("application/problem+json");
        asManager().when().post(COMPLETE, partner, agreement)
                .then().statusCode(200).body("tasks[0].status", equalTo("DONE")).body("tasks[0].completedBy", equalTo("manager"));
    }

    @Test
    void aTaskIsCompletedOnceAndATrainingTaskNeverByHand() {
        String program = createProgram();
        String module = createModule(70, null);
        putPlan(program, List.of(task("COMPLETE_PROFILE", "Profile", true),
                task("COMPLETE_TRAINING", "Basics", true, module)));
        String partner = approvedPartner(program);
        String profile = taskId(partner, "COMPLETE_PROFILE");

        asPartnerUser("pat", partner).when().post(COMPLETE, partner, profile).then().statusCode(200);
        asPartnerUser("pat", partner).when().post(COMPLETE, partner, profile)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already completed"));
        asManager().when().post(COMPLETE, partner, taskId(partner, "COMPLETE_TRAINING"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot be completed by hand"));
        asManager().when().get(ONBOARDING, partner)
                .then().body("partnerState", equalTo("ONBOARDING")).body("tasks[1].status", equalTo("OPEN"));
    }

    @Test
    void unknownPartnersAndTasksAreNotFoundAndMalformedIdsRefused() {
        String partner = approvedPartner(createProgram());
        asManager().when().post(COMPLETE, partner, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        asManager().when().get(ONBOARDING, UUID.randomUUID()).then().statusCode(404);
        asManager().when().post(COMPLETE, UUID.randomUUID(), UUID.randomUUID()).then().statusCode(404);
        asManager().when().post(COMPLETE, partner, "not-a-uuid").then().statusCode(400);
    }

    @Test
    void anotherPartnersChecklistIsNotFound() {
        String program = createProgram();
        String mine = approvedPartner(program);
        String theirs = approvedPartner(program);
        String theirAgreement = taskId(theirs, "ACCEPT_AGREEMENT");

        asPartnerAdmin("dana", mine).when().get(ONBOARDING, theirs)
                .then().statusCode(404).contentType("application/problem+json");
        asPartnerAdmin("dana", mine).when().post(COMPLETE, theirs, theirAgreement).then().statusCode(404);
        given().auth().oauth2(TestTokens.user("drifter", "partner-admin").sign())
                .when().get(ONBOARDING, mine).then().statusCode(404);
        asManager().when().get(ONBOARDING, theirs).then().body("tasks[0].status", equalTo("OPEN"));
    }

    @Test
    void theChecklistNeedsATokenAndARole() {
        String partner = approvedPartner(createProgram());
        String agreement = taskId(partner, "ACCEPT_AGREEMENT");
        given().when().get(ONBOARDING, partner).then().statusCode(401).contentType("application/problem+json");
        given().when().post(COMPLETE, partner, agreement).then().statusCode(401);
        asNobody().when().get(ONBOARDING, partner).then().statusCode(403).contentType("application/problem+json");
        asNobody().when().post(COMPLETE, partner, agreement).then().statusCode(403);
        PartnerJourney.asManager().when().get(ONBOARDING, partner).then().body("tasks[0].status", equalTo("OPEN"));
    }
}
