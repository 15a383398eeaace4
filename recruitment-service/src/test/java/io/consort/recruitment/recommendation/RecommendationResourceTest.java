package io.consort.recruitment.recommendation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ranking over real prospects. The profile uses codes unique to the test, so the prospects other
 * tests stored score 0 and rank after this data set.
 */
@QuarkusTest
class RecommendationResourceTest {

    static String code(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', 'X');
    }

    static String prospect(String name, String region, List<String> specialisations, Integer employees,
            List<String> certifications) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyName", name);
        body.put("region", region);
        body.put("specialisations", specialisations);
        body.put("employeeCount", employees);
        body.put("certifications", certifications);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/prospects")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void prospectsAreRankedByFitWithAnExplanationPerCriterion() {
        String region = code("R");
        String other = code("R");
        String sa = code("S");
        String sb = code("S");
        String cert = code("C");
        Map<String, Object> program = Map.of(
                "name", "Fit " + UUID.randomUUID(),
                "partnerTypes", List.of("RESELLER"),
                "idealProfile", Map.of(
                        "regions", Map.of("values", List.of(region), "weight", 40),
                        "specialisations", Map.of("values", List.of(sa, sb), "weight", 30),
                        "companySize", Map.of("minEmployees", 10, "maxEmployees", 500, "weight", 20),
                        "certifications", Map.of("values", List.of(cert), "weight", 10)));
        String programId = given().contentType(ContentType.JSON).body(program).when().post("/api/v1/programs")
                .then().statusCode(201).extract().path("id");

        String perfect = prospect("Perfect", region, List.of(sa, sb), 100, List.of(cert));
        String tooBig = prospect("Too big", region, List.of(sa), 1000, List.of());
        String elsewhere = prospect("Elsewhere", other, List.of(sb), 50, List.of(cert));
        String regionOnly = prospect("Region only", region, List.of(), null, List.of());
        String tie1 = prospect("Tie one", null, List.of(sa), 10, List.of());
        String tie2 = prospect("Tie two", null, List.of(sa), 10, List.of());
        List<String> ties = new ArrayList<>(List.of(tie1, tie2));
        ties.sort(null);

        JsonPath answer = given().queryParam("limit", 6)
                .when().get("/api/v1/programs/{id}/recommendations", programId)
                .then().statusCode(200)
                .body("programId", equalTo(programId))
                .body("profileVersion", equalTo(0))
                .body("prospectsScored", greaterThanOrEqualTo(6))
                .body("items", hasSize(6))
                .extract().jsonPath();
        assertEquals(List.of(perfect, tooBig, elsewhere, regionOnly, ties.get(0), ties.get(1)),
                answer.getList("items.prospectId"));
        assertEquals(List.of(100.0f, 55.0f, 45.0f, 40.0f, 35.0f, 35.0f), answer.getList("items.score"));
        assertEquals(List.of("regions", "specialisations", "companySize", "certifications"),
                answer.getList("items[1].explanation.criterion"));
        assertEquals(List.of("+40 region " + region + " matches",
                "+15 specialisations: 1 of 2 wanted (" + sa + ")",
                "+0 employee count 1000 outside 10–500",
                "+0 certifications: none of " + cert), answer.getList("items[1].explanation.reason"));
        assertEquals(List.of(40.0f, 15.0f, 0.0f, 0.0f), answer.getList("items[1].explanation.points"));
        assertEquals(List.of(40, 30, 20, 10), answer.getList("items[1].explanation.maxPoints"));

        // A new prospect is seen by the next call (the in-memory projection notices the change).
        String better = prospect("Also perfect", region, List.of(sa, sb), 20, List.of(cert));
        List<String> top = new ArrayList<>(List.of(perfect, better));
        top.sort(null);
        given().queryParam("limit", 2)
                .when().get("/api/v1/programs/{id}/recommendations", programId)
                .then().statusCode(200).body("items.prospectId", contains(top.get(0), top.get(1)));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void theLimitMustBeFrom1To200AndTheProgramMustExist() {
        String programId = given().contentType(ContentType.JSON)
                .body(io.consort.recruitment.Fixtures.program("Limits " + UUID.randomUUID()))
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
        for (String bad : List.of("0", "201", "ten", "-1")) {
            given().queryParam("limit", bad).when().get("/api/v1/programs/{id}/recommendations", programId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        given().queryParam("limit", 200).when().get("/api/v1/programs/{id}/recommendations", programId)
                .then().statusCode(200);
        given().when().get("/api/v1/programs/{id}/recommendations", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aProgramWithoutAnIdealProfileCannotRecommend() {
        String programId = given().contentType(ContentType.JSON)
                .body(Map.of("name", "No profile " + UUID.randomUUID(), "partnerTypes", List.of("RESELLER")))
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
        given().when().get("/api/v1/programs/{id}/recommendations", programId)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-admin")
    @OidcSecurity(claims = @Claim(key = "partner_id", value = "0a0a0a0a-0000-4000-8000-000000000001"))
    void partnersMayNotAskForRecommendations() {
        given().when().get("/api/v1/programs/{id}/recommendations", UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutATokenRecommendationsAre401() {
        given().when().get("/api/v1/programs/{id}/recommendations", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }
}
