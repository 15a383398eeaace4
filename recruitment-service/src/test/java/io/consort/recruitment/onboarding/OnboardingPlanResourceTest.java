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
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OnboardingPlanResourceTest {

    private static final String PLAN = "/api/v1/programs/{id}/onboarding-plan";

    @Test
    void aProgramWithoutAPlanOfItsOwnShowsTheDefaultPlanWithoutAnETag() {
        String program = createProgram();
        asManager().when().get(PLAN, program)
                .then().statusCode(200)
                .header("ETag", nullValue())
                .body("programId", equalTo(program))
                .body("defaultPlan", equalTo(true))
                .body("tasks.kind", equalTo(List.of("ACCEPT_AGREEMENT", "COMPLETE_PROFILE")))
                .body("tasks.required", equalTo(List.of(true, true)))
                .body("version", nullValue());
    }

    @Test
    void aManagerStoresAPlanAndEveryReplacementMustNameTheCurrentVersion() {
        String program = createProgram();
        String module = createModule(80, null);
        List<Map<String, Object>> tasks = List.of(
                task("ACCEPT_AGREEMENT", "Accept the reseller agreement", true),
                task("COMPLETE_TRAINING", "Finish the basics", true, module),
                task("CUSTOM", "Book a kick-off call", false));

        String firstId = asManager().contentType(ContentType.JSON).body(Map.of("tasks", tasks))
                .when().put(PLAN, program)
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", endsWith("/api/v1/programs/" + program + "/onboarding-plan"))
                .body("defaultPlan", equalTo(false))
                .body("tasks.kind", equalTo(List.of("ACCEPT_AGREEMENT", "COMPLETE_TRAINING", "CUSTOM")))
                .body("tasks[1].trainingModuleId", equalTo(module))
                .body("tasks[2].required", equalTo(false))
                .body("tasks[0].id", notNullValue())
                .body("updatedBy", equalTo("manager"))
                .extract().path("tasks[0].id");

        asManager().when().get(PLAN, program)
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("tasks[0].id", equalTo(firstId))
                .body("tasks[0].title", equalTo("Accept the reseller agreement"));

        // Sending the id back keeps the task's identity; the rest is replaced.
        Map<String, Object> kept = new HashMap<>(tasks.get(0));
        kept.put("id", firstId);
        asManager().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("tasks", List.of(kept)))
                .when().put(PLAN, program)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("tasks.id", equalTo(List.of(firstId)))
                .body("version", equalTo(1));

        asManager().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("tasks", tasks))
                .when().put(PLAN, program)
                .then().statusCode(412).contentType("application/problem+json");
        asManager().when().get(PLAN, program).then().body("tasks.size()", equalTo(1));
    }

    @Test
    void anIfMatchOnAProgramWithoutAStoredPlanFails() {
        String program = createProgram();
        asManager().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("tasks", List.of(task("CUSTOM", "Say hello", true))))
                .when().put(PLAN, program)
                .then().statusCode(412).contentType("application/problem+json");
        asManager().when().get(PLAN, program).then().body("defaultPlan", equalTo(true));
    }

    @Test
    void anInvalidPlanIsRefusedWithEveryFieldError() {
        String program = createProgram();
        String module = createModule(70, null);
        asManager().contentType(ContentType.JSON)
                .body(Map.of("tasks", List.of(task("CUSTOM", " ", true), task("COMPLETE_TRAINING", "Basics", true))))
                .when().put(PLAN, program)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("tasks[0].title"));
        asManager().contentType(ContentType.JSON)
                .body(Map.of("tasks", List.of(task("COMPLETE_TRAINING", "Basics", true))))
                .when().put(PLAN, program)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("tasks[0].trainingModuleId")));
        asManager().contentType(ContentType.JSON)
                .body(Map.of("tasks", List.of(task("COMPLETE_TRAINING", "Basics", true, module),
                        task("COMPLETE_TRAINING", "Basics again", false, module))))
                .when().put(PLAN, program)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("tasks[1].trainingModuleId")))
                .body("errors[0].message", containsString("already the subject of tasks[0]"));
        asManager().contentType(ContentType.JSON)
                .body(Map.of("tasks", List.of(task("SING_A_SONG", "Sing", true))))
                .when().put(PLAN, program)
                .then().statusCode(400).contentType("application/problem+json");
        asManager().contentType(ContentType.JSON).body(Map.of())
                .when().put(PLAN, program)
                .then().statusCode(400).body("errors.field", equalTo(List.of("tasks")));
        asManager().contentType(ContentType.TEXT).body("tasks")
                .when().put(PLAN, program)
                .then().statusCode(415).contentType("application/problem+json");
        asManager().when().get(PLAN, program).then().body("defaultPlan", equalTo(true));
    }

    @Test
    void aPlanNamingAModuleThatDoesNotExistIsUnprocessable() {
        String program = createProgram();
        UUID missing = UUID.randomUUID();
        asManager().contentType(ContentType.JSON)
                .body(Map.of("tasks", List.of(task("COMPLETE_TRAINING", "Basics", true, missing.toString()))))
                .when().put(PLAN, program)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(missing.toString()));
    }

    @Test
    void anUnknownProgramIsNotFound() {
        asManager().when().get(PLAN, UUID.randomUUID()).then().statusCode(404);
        asManager().contentType(ContentType.JSON).body(Map.of("tasks", List.of()))
                .when().put(PLAN, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void partnersReadThePlanOfTheirOwnProgramOnly() {
        String program = createProgram();
        putPlan(program, List.of(task("ACCEPT_AGREEMENT", "Accept", true)));
        String partner = approvedPartner(program);
        String otherProgram = createProgram();

        asPartnerUser("pat", partner).when().get(PLAN, program)
                .then().statusCode(200).body("tasks.title", equalTo(List.of("Accept")));
        asPartnerAdmin("dana", partner).when().get(PLAN, otherProgram)
                .then().statusCode(404).contentType("application/problem+json");
        // A partner-side caller without a partner claim belongs to no program.
        given().auth().oauth2(io.consort.testkit.TestTokens.user("drifter", "partner-user").sign())
                .when().get(PLAN, program).then().statusCode(404);
    }

    @Test
    void onlyTheVendorsManagersChangeAPlan() {
        String program = createProgram();
        String partner = approvedPartner(program);
        Map<String, Object> body = Map.of("tasks", List.of(task("CUSTOM", "Hello", true)));

        asPartnerAdmin("dana", partner).contentType(ContentType.JSON).body(body)
                .when().put(PLAN, program).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(io.consort.testkit.TestTokens.user("sync", "integrator").sign())
                .contentType(ContentType.JSON).body(body)
                .when().put(PLAN, program).then().statusCode(403);
        asNobody().when().get(PLAN, program).then().statusCode(403);
    }

    @Test
    void thePlanNeedsAToken() {
        String program = createProgram();
        given().when().get(PLAN, program).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("tasks", List.of()))
                .when().put(PLAN, program).then().statusCode(401);
    }
}
