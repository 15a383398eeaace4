package io.consort.recruitment.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.Fixtures;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.ProgramRequest;
import io.consort.recruitment.program.ProgramService;
import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Start review, request information, provide information. Real signed bearer tokens rather than
 * {@code @TestSecurity}, because one flow needs a reviewer and the anonymous applicant in turn.
 */
@QuarkusTest
class ApplicationReviewResourceTest {

    private static final String QUESTION = "Which vendors' products do you resell today?";

    @Inject
    ProgramService programs;

    private String programId;

    @BeforeEach
    void openProgram() {
        programId = programs.create(new ProgramRequest(Fixtures.uniqueName("Review"), null,
                List.of(PartnerType.RESELLER), true, null), "test").id().toString();
    }

    private static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(TestTokens.user(user, roles).sign());
    }

    private static RequestSpecification manager() {
        return as("manager", "channel-manager");
    }

    private static RequestSpecification anonymous() {
        return given();
    }

    /** Submits anonymously; returns the receipt (id and withdraw token). */
    private ExtractableResponse<Response> submit() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(programId, Fixtures.uniqueName("Reviewed")))
                .when().post("/api/v1/applications").then().statusCode(201).extract();
    }

    private static void startReview(String id) {
        manager().when().post("/api/v1/applications/{id}/start-review", id).then().statusCode(200);
    }

    private static void requestInfo(String id) {
        manager().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/v1/applications/{id}/request-info", id).then().statusCode(200);
    }

    @Test
    void aReviewerAsksAndTheApplicantAnswersWithItsToken() {
        ExtractableResponse<Response> receipt = submit();
        String id = receipt.path("id");
        String token = receipt.path("withdrawToken");

        manager().when().post("/api/v1/applications/{id}/start-review", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("state", equalTo("IN_REVIEW"))
                .body("infoRequests", equalTo(List.of()))
                .body("vetting.freeMailDomain", equalTo(false));

        manager().contentType(ContentType.JSON).body(Map.of("question", "  " + QUESTION + " "))
                .header("If-Match", "\"1\"")
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("state", equalTo("INFO_REQUESTED"))
                .body("infoRequests.size()", equalTo(1))
                .body("infoRequests[0].question", equalTo(QUESTION))
                .body("infoRequests[0].askedBy", equalTo("manager"))
                .body("infoRequests[0].askedAt", notNullValue())
                .body("infoRequests[0].answer", nullValue());

        anonymous().contentType(ContentType.JSON)
                .body(Map.of("answer", "Fortinet and Palo Alto.", "withdrawToken", token))
                .header("If-Match", "\"2\"")
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("state", equalTo("IN_REVIEW"))
                // The applicant gets its receipt: none of the reviewer's data, not the token again.
                .body("contactEmail", nullValue())
                .body("infoRequests", nullValue())
                .body("withdrawToken", nullValue());

        manager().when().get("/api/v1/applications/{id}", id)
                .then().statusCode(200)
                .body("state", equalTo("IN_REVIEW"))
                .body("infoRequests[0].question", equalTo(QUESTION))
                .body("infoRequests[0].answer", equalTo("Fortinet and Palo Alto."))
                .body("infoRequests[0].answeredBy", equalTo("applicant"))
                .body("infoRequests[0].answeredAt", notNullValue());
        manager().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void approvingCarriesEveryApplicantFieldThePartnerHasToThePartner() {
        ExtractableResponse<Response> receipt = submit();
        String id = receipt.path("id");
        Map<String, Object> application = manager().when().get("/api/v1/applications/{id}", id)
                .then().statusCode(200).extract().path("$");

        String partnerId = manager().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(200).extract().path("partnerId");

        manager().when().get("/api/v1/partners/{id}", partnerId)
                .then().statusCode(200)
                .body("name", equalTo(application.get("companyName")))
                .body("website", equalTo(application.get("website")))
                .body("domain", equalTo(application.get("domain")))
                .body("region", equalTo(application.get("region")));
    }

    @Test
    void aManagerAnswersOnTheApplicantsBehalfWithoutTheToken() {
        String id = submit().path("id");
        startReview(id);
        requestInfo(id);

        as("admin", "prm-admin").contentType(ContentType.JSON).body(Map.of("answer", "Told us on the phone: Fortinet."))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(200)
                .body("state", equalTo("IN_REVIEW"))
                .body("contactEmail", notNullValue())
                .body("infoRequests[0].answer", equalTo("Told us on the phone: Fortinet."))
                .body("infoRequests[0].answeredBy", equalTo("admin"));
    }

    @Test
    void withoutTheRightTokenTheApplicationIsNotFoundAndUnchanged() {
        String id = submit().path("id");
        String otherToken = submit().path("withdrawToken");
        startReview(id);
        requestInfo(id);

        anonymous().contentType(ContentType.JSON).body(Map.of("answer", "Fortinet.", "withdrawToken", otherToken))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(404).contentType("application/problem+json");
        anonymous().contentType(ContentType.JSON).body(Map.of("answer", "Fortinet."))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(404);
        // A token without a reviewer role is an applicant without its withdraw token.
        as("pat", "partner-admin").contentType(ContentType.JSON).body(Map.of("answer", "Fortinet."))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(404);
        as("bi", "integrator").contentType(ContentType.JSON).body(Map.of("answer", "Fortinet."))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(404);

        manager().when().get("/api/v1/applications/{id}", id)
                .then().body("state", equalTo("INFO_REQUESTED")).body("infoRequests[0].answer", nullValue());
    }

    @Test
    void actionsTheStateDoesNotAllowAreConflicts() {
        ExtractableResponse<Response> receipt = submit();
        String id = receipt.path("id");
        String token = receipt.path("withdrawToken");

        manager().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot request information on an application that is SUBMITTED"));

        startReview(id);
        manager().when().post("/api/v1/applications/{id}/start-review", id)
                .then().statusCode(409)
                .body("detail", equalTo("cannot start reviewing an application that is IN_REVIEW"));
        anonymous().contentType(ContentType.JSON).body(Map.of("answer", "Unasked.", "withdrawToken", token))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot provide information for an application that is IN_REVIEW"));

        requestInfo(id);
        manager().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(409).body("detail", equalTo("cannot approve an application that is INFO_REQUESTED"));
        manager().contentType(ContentType.JSON).body(Map.of("question", "And another thing?"))
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(409);

        manager().contentType(ContentType.JSON).body(Map.of("reason", "No answer in three weeks."))
                .when().post("/api/v1/applications/{id}/reject", id).then().statusCode(200);
        manager().when().post("/api/v1/applications/{id}/start-review", id)
                .then().statusCode(409).body("detail", equalTo("cannot start reviewing an application that is REJECTED"));
        anonymous().contentType(ContentType.JSON).body(Map.of("answer", "Too late.", "withdrawToken", token))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(409);
        manager().when().get("/api/v1/applications/{id}", id)
                .then().body("infoRequests.size()", equalTo(1)).body("infoRequests[0].answer", nullValue());
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureForEveryAction() {
        ExtractableResponse<Response> receipt = submit();
        String id = receipt.path("id");
        String token = receipt.path("withdrawToken");

        manager().header("If-Match", "\"7\"").when().post("/api/v1/applications/{id}/start-review", id)
                .then().statusCode(412).contentType("application/problem+json");
        manager().header("If-Match", "\"0\"").when().post("/api/v1/applications/{id}/start-review", id)
                .then().statusCode(200);

        manager().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(412).contentType("application/problem+json");
        manager().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(200);

        anonymous().header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("answer", "Fortinet.", "withdrawToken", token))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(412).contentType("application/problem+json");
        manager().when().get("/api/v1/applications/{id}", id).then().body("state", equalTo("INFO_REQUESTED"));
        anonymous().header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("answer", "Fortinet.", "withdrawToken", token))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(200);
    }

    @Test
    void anUnknownApplicationIsNotFound() {
        UUID unknown = UUID.randomUUID();
        manager().when().post("/api/v1/applications/{id}/start-review", unknown)
                .then().statusCode(404).contentType("application/problem+json");
        manager().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/v1/applications/{id}/request-info", unknown)
                .then().statusCode(404).contentType("application/problem+json");
        manager().contentType(ContentType.JSON).body(Map.of("answer", "Fortinet."))
                .when().post("/api/v1/applications/{id}/provide-info", unknown)
                .then().statusCode(404).contentType("application/problem+json");
        anonymous().contentType(ContentType.JSON).body(Map.of("answer", "Fortinet.", "withdrawToken", "whatever"))
                .when().post("/api/v1/applications/{id}/provide-info", unknown)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void reviewingNeedsATokenAndAReviewerRole() {
        String id = submit().path("id");
        anonymous().when().post("/api/v1/applications/{id}/start-review", id)
                .then().statusCode(401).contentType("application/problem+json");
        anonymous().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(401).contentType("application/problem+json");
        // The applicant's endpoint is public; reading what it answered is not.
        anonymous().when().get("/api/v1/applications/{id}", id).then().statusCode(401);

        for (String role : List.of("partner-admin", "partner-user", "integrator")) {
            as("someone", role).when().post("/api/v1/applications/{id}/start-review", id)
                    .then().statusCode(403).contentType("application/problem+json");
            as("someone", role).contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                    .when().post("/api/v1/applications/{id}/request-info", id)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        manager().when().get("/api/v1/applications/{id}", id).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void questionsAndAnswersMustHaveText() {
        ExtractableResponse<Response> receipt = submit();
        String id = receipt.path("id");
        startReview(id);

        manager().contentType(ContentType.JSON).body(Map.of("question", "   "))
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("question")));
        manager().contentType(ContentType.JSON).body(Map.of("question", "x".repeat(2001)))
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("question")));
        manager().contentType(ContentType.TEXT).body(QUESTION)
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(415).contentType("application/problem+json");
        manager().contentType(ContentType.JSON).body("{\"question\": \"Which vendors?\", \"urgent\": true}")
                .when().post("/api/v1/applications/{id}/request-info", id)
                .then().statusCode(400).contentType("application/problem+json");

        requestInfo(id);
        anonymous().contentType(ContentType.JSON).body(Map.of("answer", "", "withdrawToken", receipt.path("withdrawToken")))
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("answer")));
        anonymous().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/applications/{id}/provide-info", id)
                .then().statusCode(400);
        manager().when().get("/api/v1/applications/{id}", id).then().body("state", equalTo("INFO_REQUESTED"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReviewActionsAndTheVettingSignalsAreDocumentedWithExamples() {
        Map<String, Object> document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().as(Map.class);
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>)
                document.get("paths");
        for (String action : List.of("start-review", "request-info", "provide-info")) {
            Map<String, Object> post = paths.get("/api/v1/applications/{id}/" + action).get("post");
            assertNotNull(post.get("summary"), action);
        }
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) document.get("components")).get("schemas");
        for (String name : List.of("Vetting", "DuplicatePartner", "FitCriterion", "InfoRequest", "RequestInfoRequest",
                "ProvideInfoRequest", "Application")) {
            Map<String, Object> schema = schemas.get(name);
            assertNotNull(schema, name);
            assertTrue(schema.get("examples") != null || schema.get("example") != null, name + " has no example");
        }
        Map<String, Object> applicationProperties = (Map<String, Object>) schemas.get("Application").get("properties");
        assertTrue(applicationProperties.containsKey("vetting"));
        assertTrue(applicationProperties.containsKey("infoRequests"));
    }
}
