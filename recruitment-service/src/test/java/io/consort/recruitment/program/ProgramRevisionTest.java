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

import io.consort.recruitment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Revising a program, and which programs a partner's people may read. */
@QuarkusTest
class ProgramRevisionTest {

    private static final String PROGRAM = "/api/v1/programs/{id}";

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
