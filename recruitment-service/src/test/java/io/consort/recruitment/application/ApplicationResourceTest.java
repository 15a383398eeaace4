package io.consort.recruitment.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.recruitment.Fixtures;
import io.consort.recruitment.PartnerTopic;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.Program;
import io.consort.recruitment.program.ProgramRequest;
import io.consort.recruitment.program.ProgramService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProgramService programs;

    private String programId;

    @BeforeEach
    void openProgram() {
        programId = createProgram(true, List.of(PartnerType.RESELLER)).id().toString();
    }

    private Program createProgram(boolean open, List<PartnerType> types) {
        return programs.create(new ProgramRequest(Fixtures.uniqueName("Program"), null, types, open, null), "test");
    }

    @Test
    void anyoneMayApplyWithoutAToken() {
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(programId, "Acme Networks"))
                .when().post("/api/v1/applications")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/applications/"))
                .body("state", equalTo("SUBMITTED"))
                .body("programId", equalTo(programId))
                .body("withdrawToken", notNullValue())
                // The applicant's receipt carries none of the reviewer's data.
                .body("contactEmail", nullValue());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aSubmittedApplicationIsNormalisedAndVisibleToReviewers() {
        String id = Fixtures.submitApplication(programId, "Globex Systems");
        given().when().get("/api/v1/applications/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("domain", equalTo("globex-systems.example"))
                .body("partnerType", equalTo("RESELLER"))
                .body("state", equalTo("SUBMITTED"))
                .body("contactEmail", equalTo("dana@globex-systems.example"));
        given().queryParam("programId", programId).queryParam("state", "SUBMITTED")
                .when().get("/api/v1/applications")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void submittingPublishesApplicationSubmitted() {
        String id = Fixtures.submitApplication(programId, "Initech");
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(id, 1, Duration.ofSeconds(15));
        assertEquals(1, records.size());
        assertEquals("consort.application.submitted.v1", PartnerTopic.header(records.get(0), "ce_type"));
    }

    @Test
    void badInputIsRefusedFieldByField() {
        Map<String, Object> body = new HashMap<>(Fixtures.application(programId, "Umbrella"));
        body.put("contactEmail", "dana@localhost");
        body.put("website", "not a website");
        body.put("companyName", "");
        body.put("region", "emea");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress()).body(body)
                .when().post("/api/v1/applications")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("companyName", "contactEmail", "region", "website")));
    }

    @Test
    void anApplicationNeedsAProgramAndACompany() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Map.of("contactEmail", "dana@acme.example"))
                .when().post("/api/v1/applications")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("companyName", "programId", "website")));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Map.of("programId", "not-a-uuid", "companyName", "A", "website", "a.example",
                        "contactEmail", "a@a.example"))
                .when().post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void applyingToAnUnknownProgramIsUnprocessable() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(UUID.randomUUID().toString(), "Hooli"))
                .when().post("/api/v1/applications")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
    }

    @Test
    void applyingToAClosedProgramIsUnprocessable() {
        String closed = createProgram(false, List.of(PartnerType.RESELLER)).id().toString();
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(closed, "Vandelay Industries"))
                .when().post("/api/v1/applications")
                .then().statusCode(422).body("detail", containsString("not accepting applications"));
    }

    @Test
    void aProgramWithSeveralPartnerTypesNeedsTheApplicantToChoose() {
        String multi = createProgram(true, List.of(PartnerType.RESELLER, PartnerType.MSP)).id().toString();
        Map<String, Object> body = new HashMap<>(Fixtures.application(multi, "Stark Managed"));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress()).body(body)
                .when().post("/api/v1/applications")
                .then().statusCode(422).body("detail", containsString("partnerType"));
        body.put("partnerType", "DISTRIBUTOR");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress()).body(body)
                .when().post("/api/v1/applications")
                .then().statusCode(422);
        body.put("partnerType", "MSP");
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress()).body(body)
                .when().post("/api/v1/applications")
                .then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void approvingAnApplicationCreatesAnOnboardingPartner() throws Exception {
        String id = Fixtures.submitApplication(programId, "Wayne Telecom");

        String partnerId = given().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("state", equalTo("APPROVED"))
                .body("decidedBy", equalTo("manager"))
                .body("partnerId", notNullValue())
                .extract().path("partnerId");

        given().when().get("/api/v1/partners/{id}", partnerId)
                .then().statusCode(200)
                .body("state", equalTo("ONBOARDING"))
                .body("name", equalTo("Wayne Telecom"))
                .body("type", equalTo("RESELLER"))
                .body("region", equalTo("EMEA"))
                .body("domain", equalTo("wayne-telecom.example"))
                .body("programId", equalTo(programId))
                .body("applicationId", equalTo(id));

        // Both events reached the real topic, keyed by the new partner, in the order they were written.
        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(partnerId, 2, Duration.ofSeconds(15));
        assertEquals(2, records.size(), "events keyed by the partner on prm.partners");
        ConsumerRecord<String, String> approved = records.get(0);
        ConsumerRecord<String, String> onboarding = records.get(1);
        assertEquals(approved.partition(), onboarding.partition());

        assertEquals("consort.application.approved.v1", PartnerTopic.header(approved, "ce_type"));
        assertEquals(id, PartnerTopic.header(approved, "ce_subject"));
        JsonNode approvedPayload = JSON.readTree(approved.value());
        assertEquals(partnerId, approvedPayload.get("partnerId").asText());
        assertEquals(id, approvedPayload.get("applicationId").asText());
        assertEquals("manager", approvedPayload.get("approvedBy").asText());

        assertEquals("consort.partner.onboarding-started.v1", PartnerTopic.header(onboarding, "ce_type"));
        assertEquals(partnerId, PartnerTopic.header(onboarding, "ce_subject"));
        JsonNode onboardingPayload = JSON.readTree(onboarding.value());
        assertEquals(partnerId, onboardingPayload.get("partnerId").asText());
        assertEquals(programId, onboardingPayload.get("programId").asText());
        assertEquals("RESELLER", onboardingPayload.get("partnerType").asText());

        for (ConsumerRecord<String, String> r : records) {
            assertEquals("1.0", PartnerTopic.header(r, "ce_specversion"));
            assertEquals("/consort/recruitment", PartnerTopic.header(r, "ce_source"));
            assertNotNull(UUID.fromString(PartnerTopic.header(r, "ce_id")));
            assertNotNull(PartnerTopic.header(r, "ce_time"));
            assertTrue(PartnerTopic.header(r, "content-type").startsWith("application/json"));
        }
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void approvingTwiceIsAConflictAndCreatesOnePartner() {
        String id = Fixtures.submitApplication(programId, "Cyberdyne");
        String partnerId = given().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(200).extract().path("partnerId");

        given().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot approve an application that is APPROVED"));
        given().when().get("/api/v1/applications/{id}", id)
                .then().body("partnerId", equalTo(partnerId));
        given().queryParam("programId", programId).when().get("/api/v1/partners")
                .then().statusCode(200).body("items.id", equalTo(List.of(partnerId)));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void concurrentApprovalsCreateExactlyOnePartner() throws Exception {
        String id = Fixtures.submitApplication(programId, "Race Condition Ltd");
        ExecutorService reviewers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(reviewers.submit(() -> given().when()
                        .post("/api/v1/applications/{id}/approve", id).then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409, 409, 409), statuses);
        } finally {
            reviewers.shutdownNow();
        }
        given().queryParam("programId", programId).when().get("/api/v1/partners")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aRejectedApplicationCannotBeApproved() {
        String id = Fixtures.submitApplication(programId, "Soylent");
        given().contentType(ContentType.JSON).body(Map.of("reason", "We have enough resellers in EMEA."))
                .when().post("/api/v1/applications/{id}/reject", id)
                .then().statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("decisionReason", equalTo("We have enough resellers in EMEA."));

        given().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().queryParam("programId", programId).when().get("/api/v1/partners")
                .then().statusCode(200).body("items", equalTo(List.of()));

        List<ConsumerRecord<String, String>> records = PartnerTopic.awaitRecords(id, 2, Duration.ofSeconds(15));
        assertEquals(List.of("consort.application.submitted.v1", "consort.application.rejected.v1"),
                records.stream().map(r -> PartnerTopic.header(r, "ce_type")).toList());
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void rejectingNeedsAReason() {
        String id = Fixtures.submitApplication(programId, "Tyrell");
        given().contentType(ContentType.JSON).body(Map.of("reason", "  "))
                .when().post("/api/v1/applications/{id}/reject", id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("reason")));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/applications/{id}/reject", id)
                .then().statusCode(400);
        given().when().get("/api/v1/applications/{id}", id).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aStaleIfMatchIsAPreconditionFailure() {
        String id = Fixtures.submitApplication(programId, "Oscorp");
        given().header("If-Match", "\"7\"").when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", "\"0\"").when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void decidingAnUnknownApplicationIsNotFound() {
        given().when().post("/api/v1/applications/{id}/approve", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theApplicantWithdrawsWithItsTokenAndNobodyElseCan() {
        String token = given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(programId, "Massive Dynamic"))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("withdrawToken");
        String id = given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(programId, "Massive Dynamic"))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");

        // The first application's token does not open the second.
        given().contentType(ContentType.JSON).body(Map.of("withdrawToken", token))
                .when().post("/api/v1/applications/{id}/withdraw", id)
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/applications/{id}/withdraw", id)
                .then().statusCode(404);
        given().when().get("/api/v1/applications/{id}", id).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aManagerWithdrawsOnTheApplicantsBehalfWithoutTheToken() {
        String id = Fixtures.submitApplication(programId, "Hooli XYZ");
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/applications/{id}/withdraw", id)
                .then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"))
                .body("decidedBy", equalTo("manager"));
        given().when().post("/api/v1/applications/{id}/approve", id)
                .then().statusCode(409);
    }

    @Test
    void aWithdrawnApplicationCannotBeWithdrawnAgain() {
        var receipt = given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(programId, "Pied Piper"))
                .when().post("/api/v1/applications").then().statusCode(201).extract();
        String id = receipt.path("id");
        String token = receipt.path("withdrawToken");

        given().contentType(ContentType.JSON).body(Map.of("withdrawToken", token))
                .when().post("/api/v1/applications/{id}/withdraw", id)
                .then().statusCode(200).body("state", equalTo("WITHDRAWN")).body("withdrawToken", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("withdrawToken", token))
                .when().post("/api/v1/applications/{id}/withdraw", id)
                .then().statusCode(409);
    }

    @Test
    void tooManyApplicationsFromOneAddressAreRateLimited() {
        String address = Fixtures.someClientAddress();
        int capacity = 10;
        for (int i = 0; i < capacity; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                    .body(Fixtures.application(programId, "Burst " + i))
                    .when().post("/api/v1/applications").then().statusCode(201);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Fixtures.application(programId, "One too many"))
                .when().post("/api/v1/applications")
                .then().statusCode(429)
                .contentType("application/problem+json")
                // One token every 6 s; part of it may have refilled while the burst went through.
                .header("Retry-After", org.hamcrest.Matchers.oneOf("1", "2", "3", "4", "5", "6"));
        // Another address is not affected.
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(Fixtures.application(programId, "Someone else"))
                .when().post("/api/v1/applications").then().statusCode(201);
    }

    @Test
    void malformedAttemptsCountAgainstTheLimitToo() {
        String address = Fixtures.someClientAddress();
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body("{\"programId\": 1")
                    .when().post("/api/v1/applications").then().statusCode(400);
        }
        given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Fixtures.application(programId, "Patient Applicant"))
                .when().post("/api/v1/applications")
                .then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOneApplication() {
        String key = UUID.randomUUID().toString();
        String address = Fixtures.someClientAddress();
        Map<String, Object> body = Fixtures.application(programId, "Retry Corp");
        String first = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String second = given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/applications").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, second);
    }

    @Test
    void reviewingNeedsAToken() {
        String id = Fixtures.submitApplication(programId, "Anon Reviewer");
        given().when().post("/api/v1/applications/{id}/approve", id).then().statusCode(401);
        given().when().get("/api/v1/applications/{id}", id).then().statusCode(401);
        given().when().get("/api/v1/applications").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-admin")
    void partnersCannotSeeOrDecideApplications() {
        String id = Fixtures.submitApplication(programId, "Partner Peek");
        given().when().get("/api/v1/applications/{id}", id).then().statusCode(403);
        given().when().get("/api/v1/applications").then().statusCode(403);
        given().when().post("/api/v1/applications/{id}/approve", id).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "bi", roles = "integrator")
    void anIntegratorReadsApplicationsButDoesNotDecide() {
        String id = Fixtures.submitApplication(programId, "Machine Read");
        given().when().get("/api/v1/applications/{id}", id).then().statusCode(200);
        given().when().post("/api/v1/applications/{id}/approve", id).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aMalformedFilterIsABadRequest() {
        given().queryParam("state", "MAYBE").when().get("/api/v1/applications")
                .then().statusCode(400).body("errors.field", equalTo(List.of("state")));
        given().queryParam("programId", "x").when().get("/api/v1/applications")
                .then().statusCode(400).body("errors.field", equalTo(List.of("programId")));
    }
}
