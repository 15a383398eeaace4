package io.consort.recruitment;

import static io.restassured.RestAssured.given;

import io.consort.testkit.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of a partner's journey the onboarding and training tests share, with real signed tokens:
 * their {@code partner_id} can be a partner the test has just created through approval, which the
 * compile-time claims of {@code @OidcSecurity} cannot.
 */
public final class PartnerJourney {

    private PartnerJourney() {
    }

    public static RequestSpecification asManager() {
        return as(TestTokens.user("manager", "channel-manager").sign());
    }

    public static RequestSpecification asPartnerAdmin(String name, String partnerId) {
        return as(TestTokens.user(name, "partner-admin").partner(UUID.fromString(partnerId)).sign());
    }

    public static RequestSpecification asPartnerUser(String name, String partnerId) {
        return as(TestTokens.user(name, "partner-user").partner(UUID.fromString(partnerId)).sign());
    }

    /** Authenticated, but with no realm role at all. */
    public static RequestSpecification asNobody() {
        return as(TestTokens.user("nobody").sign());
    }

    /** The user id training records for a person: the subject TestTokens gives {@code name}. */
    public static String userIdOf(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static String createProgram() {
        return asManager().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Onboarding")))
                .when().post("/api/v1/programs")
                .then().statusCode(201).extract().path("id");
    }

    /** Stores the program's onboarding plan (first time, no If-Match); returns the stored tasks. */
    public static List<Map<String, Object>> putPlan(String programId, List<Map<String, Object>> tasks) {
        return asManager().contentType(ContentType.JSON).body(Map.of("tasks", tasks))
                .when().put("/api/v1/programs/{id}/onboarding-plan", programId)
                .then().statusCode(201).extract().path("tasks");
    }

    public static Map<String, Object> task(String kind, String title, boolean required) {
        return task(kind, title, required, null);
    }

    public static Map<String, Object> task(String kind, String title, boolean required, String moduleId) {
        Map<String, Object> task = new HashMap<>();
        task.put("kind", kind);
        task.put("title", title);
        task.put("required", required);
        if (moduleId != null) {
            task.put("trainingModuleId", moduleId);
        }
        return task;
    }

    /** A module; {@code validityDays} null for a module without certification. */
    public static String createModule(int passingScore, Integer validityDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", Fixtures.uniqueName("Module"));
        body.put("durationMinutes", 45);
        body.put("passingScore", passingScore);
        if (validityDays != null) {
            body.put("certification", Map.of("name", "Certified " + body.get("title"), "validityDays", validityDays));
        }
        return asManager().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/training/modules")
                .then().statusCode(201).extract().path("id");
    }

    /** Applies to the program and has the application approved; returns the new partner's id. */
    public static String approvedPartner(String programId) {
        String application = Fixtures.submitApplication(programId, Fixtures.uniqueName("Partner Co"));
        return asManager().when().post("/api/v1/applications/{id}/approve", application)
                .then().statusCode(200).extract().path("partnerId");
    }

    /** The id of the partner's checklist task of {@code kind} (the first one). */
    public static String taskId(String partnerId, String kind) {
        List<Map<String, Object>> tasks = asManager().when().get("/api/v1/partners/{id}/onboarding", partnerId)
                .then().statusCode(200).extract().path("tasks");
        return tasks.stream().filter(t -> kind.equals(t.get("kind"))).map(t -> (String) t.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " task in " + tasks));
    }

    /** Records an attempt by the partner's person {@code name} at a module. */
    public static io.restassured.response.ValidatableResponse complete(String name, String partnerId, String moduleId,
            int score) {
        return asPartnerUser(name, partnerId).contentType(ContentType.JSON)
                .body(Map.of("moduleId", moduleId, "score", score))
                .when().post("/api/v1/training/completions")
                .then();
    }
}
