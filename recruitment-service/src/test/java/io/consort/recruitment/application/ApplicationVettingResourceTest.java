package io.consort.recruitment.application;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.consort.recruitment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vetting signals a reviewer reads with an application, against the real database. */
@QuarkusTest
@TestSecurity(user = "manager", roles = "channel-manager")
class ApplicationVettingResourceTest {

    private String programId;
    private long programVersion;

    /** A program whose ideal profile wants EMEA (60 points) and 10–500 employees (40). */
    @BeforeEach
    void openProgram() {
        var created = given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Vetting")))
                .when().post("/api/v1/programs").then().statusCode(201).extract();
        programId = created.path("id");
        programVersion = Long.parseLong(created.header("ETag").replace("\"", ""));
    }

    /** Applies for a company at {@code domain}, written to from {@code email}; returns the id. */
    private String apply(String program, String domain, String email, String region) {
        Map<String, Object> body = new HashMap<>(Fixtures.application(program, "Company at " + domain));
        body.put("website", "https://www." + domain + "/about");
        body.put("contactEmail", email);
        if (region == null) {
            body.remove("region");
        } else {
            body.put("region", region);
        }
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", Fixtures.someClientAddress())
                .body(body).when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
    }

    private static String uniqueDomain() {
        return Fixtures.uniqueName("vetted").replace(' ', '-') + ".example";
    }

    @Test
    void aCompanyAddressAtTheCompanysDomainRaisesNoSignal() {
        String domain = uniqueDomain();
        String id = apply(programId, domain, "Dana@EU." + domain.toUpperCase(), "EMEA");

        given().when().get("/api/v1/applications/{id}", id).then().statusCode(200)
                .body("vetting.emailDomain", equalTo("eu." + domain))
                .body("vetting.freeMailDomain", equalTo(false))
                .body("vetting.domainMismatch", equalTo(false))
                .body("vetting.duplicatePartner", nullValue())
                .body("vetting.duplicateApplications", equalTo(List.of()));
    }

    @Test
    void aFreeMailContactIsFlaggedAsFreeMailAndAsAMismatch() {
        String id = apply(programId, uniqueDomain(), "acme.sales@gmail.com", "EMEA");
        String yahoo = apply(programId, uniqueDomain(), "acme.sales@yahoo.co.uk", "EMEA");
        String elsewhere = apply(programId, uniqueDomain(), "dana@some-other-company.example", "EMEA");

        given().when().get("/api/v1/applications/{id}", id).then().statusCode(200)
                .body("vetting.emailDomain", equalTo("gmail.com"))
                .body("vetting.freeMailDomain", equalTo(true))
                .body("vetting.domainMismatch", equalTo(true));
        given().when().get("/api/v1/applications/{id}", yahoo).then()
                .body("vetting.freeMailDomain", equalTo(true));
        given().when().get("/api/v1/applications/{id}", elsewhere).then()
                .body("vetting.freeMailDomain", equalTo(false))
                .body("vetting.domainMismatch", equalTo(true));
    }

    @Test
    void anExistingPartnerWithTheDomainIsShownButNotToTheApplicationThatCreatedIt() {
        String domain = uniqueDomain();
        String first = apply(programId, domain, "dana@" + domain, "EMEA");
        String partnerId = given().when().post("/api/v1/applications/{id}/approve", first)
                .then().statusCode(200).extract().path("partnerId");

        String again = apply(programId, domain, "sam@" + domain, "EMEA");

        given().when().get("/api/v1/applications/{id}", again).then().statusCode(200)
                .body("vetting.duplicatePartner.partnerId", equalTo(partnerId))
                .body("vetting.duplicatePartner.name", equalTo("Company at " + domain))
                .body("vetting.duplicatePartner.state", equalTo("ONBOARDING"))
                // The approved application is no longer open.
                .body("vetting.duplicateApplications", equalTo(List.of()));
        given().when().get("/api/v1/applications/{id}", first).then().statusCode(200)
                .body("vetting.duplicatePartner", nullValue())
                .body("vetting.duplicateApplications", equalTo(List.of(again)));
    }

    @Test
    void otherOpenApplicationsWithTheDomainAreListedInAnyProgram() {
        String domain = uniqueDomain();
        String otherProgram = given().contentType(ContentType.JSON).body(Fixtures.program(Fixtures.uniqueName("Other")))
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String first = apply(programId, domain, "dana@" + domain, "EMEA");
        String second = apply(otherProgram, domain, "sam@" + domain, "EMEA");
        String withdrawn = apply(programId, domain, "kim@" + domain, "EMEA");
        String rejected = apply(programId, domain, "lee@" + domain, "EMEA");
        String unrelated = apply(programId, uniqueDomain(), "dana@elsewhere.example", "EMEA");
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/applications/{id}/withdraw", withdrawn)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "Duplicate."))
                .when().post("/api/v1/applications/{id}/reject", rejected).then().statusCode(200);

        given().when().get("/api/v1/applications/{id}", first).then()
                .body("vetting.duplicateApplications", equalTo(List.of(second)));
        given().when().get("/api/v1/applications/{id}", withdrawn).then()
                .body("vetting.duplicateApplications", equalTo(List.of(first, second)));
        given().when().get("/api/v1/applications/{id}", unrelated).then()
                .body("vetting.duplicateApplications", equalTo(List.of()));

        // The list shows every item's signals, computed for the page at once.
        given().queryParam("programId", programId).queryParam("state", "SUBMITTED").queryParam("limit", 200)
                .when().get("/api/v1/applications").then().statusCode(200)
                .body("items.find { it.id == '" + first + "' }.vetting.duplicateApplications", equalTo(List.of(second)))
                .body("items.find { it.id == '" + unrelated + "' }.vetting.duplicateApplications", equalTo(List.of()))
                .body("items.find { it.id == '" + unrelated + "' }.vetting.domainMismatch", equalTo(true));
    }

    @Test
    void theFitScoreExplainsEachCriterionAndWhatAnApplicationCannotTell() {
        String emea = apply(programId, uniqueDomain(), "dana@emea.example", "EMEA");

        given().when().get("/api/v1/applications/{id}", emea).then().statusCode(200)
                .body("vetting.fitScore", equalTo(60.0f))
                .body("vetting.fitAssessedPoints", equalTo(60))
                .body("vetting.profileVersion", equalTo((int) programVersion))
                .body("vetting.fitExplanation.size()", equalTo(2))
                .body("vetting.fitExplanation[0].criterion", equalTo("regions"))
                .body("vetting.fitExplanation[0].known", equalTo(true))
                .body("vetting.fitExplanation[0].points", equalTo(60.0f))
                .body("vetting.fitExplanation[0].maxPoints", equalTo(60))
                .body("vetting.fitExplanation[0].reason", equalTo("+60 region EMEA matches"))
                .body("vetting.fitExplanation[1].criterion", equalTo("companySize"))
                .body("vetting.fitExplanation[1].known", equalTo(false))
                .body("vetting.fitExplanation[1].points", equalTo(0.0f))
                .body("vetting.fitExplanation[1].maxPoints", equalTo(40))
                .body("vetting.fitExplanation[1].reason", equalTo("+0 employee count unknown, wanted 10–500"));

        String apac = apply(programId, uniqueDomain(), "dana@apac.example", "APAC");
        given().when().get("/api/v1/applications/{id}", apac).then()
                .body("vetting.fitScore", equalTo(0.0f))
                .body("vetting.fitAssessedPoints", equalTo(60))
                .body("vetting.fitExplanation[0].reason", equalTo("+0 region APAC is not one of EMEA"));

        String noRegion = apply(programId, uniqueDomain(), "dana@nowhere.example", null);
        given().when().get("/api/v1/applications/{id}", noRegion).then()
                .body("vetting.fitScore", equalTo(0.0f))
                .body("vetting.fitAssessedPoints", equalTo(0))
                .body("vetting.fitExplanation[0].known", equalTo(false));
    }

    @Test
    void withoutAnIdealProfileThereIsNoFitScore() {
        Map<String, Object> program = new HashMap<>(Fixtures.program(Fixtures.uniqueName("No profile")));
        program.remove("idealProfile");
        String bare = given().contentType(ContentType.JSON).body(program)
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
        String id = apply(bare, uniqueDomain(), "dana@bare.example", "EMEA");

        given().when().get("/api/v1/applications/{id}", id).then().statusCode(200)
                .body("vetting.fitScore", nullValue())
                .body("vetting.fitAssessedPoints", nullValue())
                .body("vetting.profileVersion", nullValue())
                .body("vetting.fitExplanation", equalTo(List.of()))
                .body("vetting.freeMailDomain", equalTo(false));
    }

    @Test
    void signalsNeverDecide() {
        // However bad the signals, the application waits for a reviewer.
        String domain = uniqueDomain();
        apply(programId, domain, "first@" + domain, "EMEA");
        String id = apply(programId, domain, "someone@gmail.com", "APAC");
        given().when().get("/api/v1/applications/{id}", id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("decidedBy", nullValue())
                .body("vetting.freeMailDomain", equalTo(true))
                .body("vetting.duplicateApplications.size()", equalTo(1));
    }

    @Test
    void reviewersListTheApplicationsRaisingADuplicateSignal() {
        String known = uniqueDomain();
        String approved = apply(programId, known, "dana@" + known, "EMEA");
        given().when().post("/api/v1/applications/{id}/approve", approved).then().statusCode(200);
        String ofAPartner = apply(programId, known, "sam@" + known, "EMEA");
        String twice = uniqueDomain();
        String first = apply(programId, twice, "kim@" + twice, "EMEA");
        String second = apply(programId, twice, "lee@" + twice, "EMEA");
        apply(programId, uniqueDomain(), "solo@solo.example", "EMEA");

        given().queryParam("programId", programId).queryParam("signal", "DUPLICATE_PARTNER")
                .when().get("/api/v1/applications").then().statusCode(200)
                .body("items.id", equalTo(List.of(ofAPartner)))
                .body("items[0].vetting.duplicatePartner", org.hamcrest.Matchers.notNullValue());
        given().queryParam("programId", programId).queryParam("signal", "DUPLICATE_APPLICATION")
                .when().get("/api/v1/applications").then().statusCode(200)
                // The approved one too: the partner's second application is still open.
                .body("items.id", equalTo(List.of(approved, first, second)));
        given().queryParam("programId", programId).queryParam("signal", "DUPLICATE_APPLICATION")
                .queryParam("limit", 1).when().get("/api/v1/applications").then().statusCode(200)
                .body("items.id", equalTo(List.of(approved)))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().queryParam("signal", "FREE_MAIL").when().get("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("signal")));
    }
}
