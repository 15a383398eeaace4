package io.consort.recruitment.program;

import static io.consort.recruitment.PartnerJourney.approvedPartner;
import static io.consort.recruitment.PartnerJourney.asManager;
import static io.consort.recruitment.PartnerJourney.asPartnerUser;
import static io.consort.recruitment.PartnerJourney.createProgram;
import static io.consort.recruitment.PartnerJourney.putPlan;
import static io.consort.recruitment.PartnerJourney.task;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.consort.recruitment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Revising a program, and which programs a partner's people may read. */
@QuarkusTest
class ProgramRevisionTest {

    private static final String PROGRAM = "/api/v1/programs/{id}";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aManagerRevisesTheProfileWithIfMatchAndTheVersionMovesOn() {
        String program = createProgram();
        Map<String, Object> body = new HashMap<>(Fixtures.program(Fixtures.uniqueName("Revised")));
        body.put("idealProfile", Map.of("regions", Map.of("values", List.of("NA"), "weight", 100)));
        body.put("acceptingApplications", false);

        asManager().contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"")
                .when().put(PROGRAM, program)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("idealProfile.regions.values", equalTo(List.of("NA")))
                .body("acceptingApplications", equalTo(false));

        // The same stale version again: someone else's change would be lost.
        asManager().contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"")
                .when().put(PROGRAM, program)
                .then().statusCode(412).contentType("application/problem+json");
        asManager().contentType(ContentType.JSON).body(body)
                .when().put(PROGRAM, program)
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void aRevisionIsValidatedLikeACreation() {
        String program = createProgram();
        Map<String, Object> body = new HashMap<>(Fixtures.program(Fixtures.uniqueName("Bad weights")));
        body.put("idealProfile", Map.of("regions", Map.of("values", List.of("EMEA"), "weight", 30)));
        asManager().contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"")
                .when().put(PROGRAM, program)
                .then().statusCode(400).contentType("application/problem+json");
        asManager().contentType(ContentType.JSON).body(Fixtures.program("x")).header("If-Match", "\"0\"")
                .when().put(PROGRAM, UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aProgramCannotStopRecruitingATypeItsPartnersHave() {
        String program = createProgram();
        approvedPartner(program);
        Map<String, Object> body = new HashMap<>(Fixtures.program(Fixtures.uniqueName("Only MSPs")));
        body.put("partnerTypes", List.of("MSP"));
        asManager().contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"")
                .when().put(PROGRAM, program)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void anApplicationOfATypeTheProgramStoppedRecruitingIsNotApproved() {
        String program = createProgram();
        String application = Fixtures.submitApplication(program, Fixtures.uniqueName("Late Reseller"));
        Map<String, Object> body = new HashMap<>(Fixtures.program(Fixtures.uniqueName("MSPs from now on")));
        body.put("partnerTypes", List.of("MSP"));
        asManager().contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"")
                .when().put(PROGRAM, program)
                .then().statusCode(200);

        // The program's type rule is asked again at approval: no partner of a type its program refuses.
        asManager().when().post("/api/v1/applications/{id}/approve", application)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("does not recruit RESELLER"));
        asManager().when().get("/api/v1/applications/{id}", application)
                .then().statusCode(200).body("state", equalTo("SUBMITTED")).body("partnerId", nullValue());
    }

    /**
     * The race between the two: a revision that drops the type commits after approval checked the type but
     * before approval inserted the partner. Approval share-locks the program's row, so while a revision holds
     * it (here a transaction that locks it as {@link ProgramService#revise} does and drops RESELLER) the
     * approval waits, and then sees the revised types.
     */
    @Test
    void anApprovalWaitsForARevisionInProgressAndSeesItsTypes() throws Exception {
        String program = createProgram();
        String application = Fixtures.submitApplication(program, Fixtures.uniqueName("Racing Reseller"));
        whileARevisionDropsReseller(program, "the approval",
                () -> asManager().when().post("/api/v1/applications/{id}/approve", application).andReturn());
        asManager().when().get("/api/v1/applications/{id}", application)
                .then().statusCode(200).body("state", equalTo("SUBMITTED")).body("partnerId", nullValue());
    }

    /**
     * The same race for an integrator's upsert: creating a partner of a type the program recruits share-locks the
     * program's row as approval does, so a revision dropping that type in progress is waited for and then seen.
     */
    @Test
    void aPartnerUpsertWaitsForARevisionInProgressAndSeesItsTypes() throws Exception {
        String program = createProgram();
        String externalId = "race-" + UUID.randomUUID();
        Map<String, Object> partner = Map.of("programId", program, "name", Fixtures.uniqueName("Racing Upsert"),
                "type", "RESELLER", "region", "EMEA", "website", "https://" + externalId + ".example");
        whileARevisionDropsReseller(program, "the upsert", () -> asManager().contentType(ContentType.JSON).body(partner)
                .when().put("/api/v1/partners/by-external-id/salesforce/{id}", externalId).andReturn());
        asManager().when().get("/api/v1/partners/by-external-id/salesforce/{id}", externalId)
                .then().statusCode(404);
    }

    /**
     * Holds the program's row as {@link ProgramService#revise} does, in a transaction that drops RESELLER; sends
     * {@code call} meanwhile, asserts it waits for the revision, commits the revision, and asserts the call then
     * answers 422 with the revised types.
     */
    private void whileARevisionDropsReseller(String program, String what, Supplier<Response> call) throws Exception {
        try (Connection revision = dataSource.getConnection()) {
            revision.setAutoCommit(false);
            try (PreparedStatement lock = revision.prepareStatement("SELECT id FROM programs WHERE id = ? FOR UPDATE");
                    PreparedStatement drop = revision.prepareStatement(
                            "UPDATE programs SET partner_types = '[\"MSP\"]', version = version + 1 WHERE id = ?")) {
                lock.setObject(1, UUID.fromString(program));
                lock.executeQuery().close();
                drop.setObject(1, UUID.fromString(program));
                drop.executeUpdate();
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(call);
            Thread.sleep(1_500);
            assertFalse(answer.isDone(), what + " waits for the revision holding the program's row");
            revision.commit();
            answer.get(60, TimeUnit.SECONDS).then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("does not recruit RESELLER"));
        }
    }

    @Test
    void anUnusedProgramIsDeletedWithItsPlanAndAUsedOneStays() {
        String unused = createProgram();
        putPlan(unused,
                List.of(task("CUSTOM", "Say hello", true)));
        asManager().header("If-Match", "\"7\"").when().delete(PROGRAM, unused)
                .then().statusCode(412).contentType("application/problem+json");
        asManager().header("If-Match", "\"0\"").when().delete(PROGRAM, unused).then().statusCode(204);
        asManager().when().get(PROGRAM, unused).then().statusCode(404);
        asManager().when().delete(PROGRAM, unused).then().statusCode(404);

        String used = createProgram();
        String partner = approvedPartner(used);
        asManager().when().delete(PROGRAM, used).then().statusCode(409).contentType("application/problem+json");
        asManager().when().get(PROGRAM, used).then().statusCode(200);
        asPartnerUser("pat", partner).when().delete(PROGRAM, used).then().statusCode(403);
    }

    @Test
    void aPartnersPeopleReadOnlyTheirOwnProgram() {
        String mine = createProgram();
        String other = createProgram();
        String partner = approvedPartner(mine);

        asPartnerUser("pat", partner).when().get(PROGRAM, mine).then().statusCode(200);
        asPartnerUser("pat", partner).when().get(PROGRAM, other).then().statusCode(404);
        asPartnerUser("pat", partner).queryParam("limit", 200).when().get("/api/v1/programs")
                .then().statusCode(200)
                .body("items.id", hasItem(mine))
                .body("items.id", not(hasItem(other)));
        asPartnerUser("pat", partner).contentType(ContentType.JSON).body(Fixtures.program("x"))
                .header("If-Match", "\"0\"").when().put(PROGRAM, mine)
                .then().statusCode(403);
    }
}
