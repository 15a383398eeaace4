package io.consort.recruitment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.partner.PartnerFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a client does with what it read: a resource read with GET goes back with PUT unchanged but for the
 * fields it edits (the read-only ones accepted when they agree, refused when they contradict the path), and
 * lists come in the order asked for, page after page.
 */
@QuarkusTest
class RoundTripAndSortResourceTest {

    static final String PARTNER_BY_EXTERNAL_ID = "/api/v1/partners/by-external-id/{system}/{externalId}";

    @Inject
    PartnerFixtures partners;

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String createProgram(String name) {
        return given().contentType(ContentType.JSON).body(Fixtures.program(name))
                .when().post("/api/v1/programs").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> read(String path, Object... params) {
        return new HashMap<>(given().when().get(path, params).then().statusCode(200).extract().body().<Map<String, Object>>path(""));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aProgramReadWithGetGoesBackWithPut() {
        String id = createProgram(Fixtures.uniqueName("Round trip"));
        Map<String, Object> program = read("/api/v1/programs/{id}", id);
        program.put("name", "Renamed " + unique());

        // No If-Match: the version read stands for it.
        given().contentType(ContentType.JSON).body(program)
                .when().put("/api/v1/programs/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo(program.get("name")))
                .body("id", equalTo(id))
                .body("createdBy", equalTo("manager"));

        // The same copy again is stale now: its version is a precondition like If-Match.
        given().contentType(ContentType.JSON).body(program)
                .when().put("/api/v1/programs/{id}", id)
                .then().statusCode(412).body("type", endsWithSlug("precondition-failed"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void readOnlyFieldsThatContradictThePathOrTheHeaderAreRefusedAndUnknownFieldsStayRefused() {
        String id = createProgram(Fixtures.uniqueName("Contradiction"));
        String other = createProgram(Fixtures.uniqueName("Other"));
        Map<String, Object> program = read("/api/v1/programs/{id}", id);

        Map<String, Object> wrongId = new HashMap<>(program);
        wrongId.put("id", other);
        given().contentType(ContentType.JSON).body(wrongId)
                .when().put("/api/v1/programs/{id}", id)
                .then().statusCode(400).body("type", endsWithSlug("validation"))
                .body("errors[0].field", equalTo("id"));

        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(program)
                .when().put("/api/v1/programs/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("version"))
                .body("errors[0].message", containsString("If-Match"));

        Map<String, Object> otherAuthor = new HashMap<>(program);
        otherAuthor.put("createdBy", "someone-else");
        given().contentType(ContentType.JSON).body(otherAuthor)
                .when().put("/api/v1/programs/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("createdBy"))
                .body("errors[0].message", containsString("read-only"));

        Map<String, Object> unknown = new HashMap<>(program);
        unknown.put("colour", "blue");
        given().contentType(ContentType.JSON).body(unknown)
                .when().put("/api/v1/programs/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));

        // Nothing of the refused attempts was applied.
        given().when().get("/api/v1/programs/{id}", id).then().statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    @TestSecurity(user = "sync-bot", roles = "integrator")
    void aPartnerReadWithGetGoesBackToItsExternalIdPut() {
        String crmId = "rt-" + unique();
        Map<String, Object> create = new HashMap<>();
        create.put("programId", partners.programId().toString());
        String name = "Round Trip " + unique();
        create.put("name", name);
        create.put("website", "https://" + name.toLowerCase().replace(' ', '-') + ".example");
        create.put("region", "EMEA");
        String id = given().contentType(ContentType.JSON).body(create)
                .when().put(PARTNER_BY_EXTERNAL_ID, "salesforce", crmId)
                .then().statusCode(201).extract().path("id");

        Map<String, Object> partner = read("/api/v1/partners/{id}", id);
        partner.put("description", "Sent back as read");
        given().contentType(ContentType.JSON).body(partner)
                .when().put(PARTNER_BY_EXTERNAL_ID, "salesforce", crmId)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("description", equalTo("Sent back as read"))
                .body("version", equalTo(((Number) partner.get("version")).intValue() + 1));

        // A read-only field changed (the state is the lifecycle's business) contradicts the partner.
        Map<String, Object> fresh = read("/api/v1/partners/{id}", id);
        Map<String, Object> activated = new HashMap<>(fresh);
        activated.put("state", "ACTIVE");
        given().contentType(ContentType.JSON).body(activated)
                .when().put(PARTNER_BY_EXTERNAL_ID, "salesforce", crmId)
                .then().statusCode(400).body("errors[0].field", equalTo("state"));

        // The same partner sent to an external id another partner (or none) is known by: refused, nothing created.
        given().contentType(ContentType.JSON).body(fresh)
                .when().put(PARTNER_BY_EXTERNAL_ID, "salesforce", "unknown-" + unique())
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void listsComeInTheAskedOrderPageAfterPage() {
        String prefix = "Sorted " + unique() + " ";
        for (String letter : List.of("b", "c", "a")) {
            createProgram(prefix + letter);
        }
        assertEquals(List.of(prefix + "a", prefix + "b", prefix + "c"), mine(allNames("name"), prefix));
        assertEquals(List.of(prefix + "c", prefix + "b", prefix + "a"), mine(allNames("-name"), prefix));

        List<Instant> newestFirst = new ArrayList<>();
        for (Map<String, Object> p : all("-createdAt")) {
            newestFirst.add(Instant.parse((String) p.get("createdAt")));
        }
        for (int i = 1; i < newestFirst.size(); i++) {
            assertTrue(!newestFirst.get(i).isAfter(newestFirst.get(i - 1)), "newest first at " + i);
        }
    }

    @Test
    @TestSecurity(user = "manager", roles = "channel-manager")
    void aCursorContinuesOnlyTheOrderItWasMadeForAndOnlyWhitelistedFieldsSort() {
        createProgram(Fixtures.uniqueName("Cursor a"));
        createProgram(Fixtures.uniqueName("Cursor b"));
        String byName = given().queryParam("sort", "name").queryParam("limit", 1).when().get("/api/v1/programs")
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("sort", "-name").queryParam("cursor", byName).when().get("/api/v1/programs")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", containsString("sort=name"));
        given().queryParam("cursor", byName).when().get("/api/v1/programs")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        String oldestFirst = given().queryParam("limit", 1).when().get("/api/v1/programs")
                .then().statusCode(200).extract().path("nextCursor");
        given().queryParam("sort", "name").queryParam("cursor", oldestFirst).when().get("/api/v1/programs")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));

        given().queryParam("sort", "description").when().get("/api/v1/programs")
                .then().statusCode(400).body("type", endsWithSlug("validation"))
                .body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", containsString("createdAt, updatedAt, name"));
    }

    private static List<Map<String, Object>> all(String sort) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("sort", sort).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/programs").then().statusCode(200).extract();
            items.addAll(page.<List<Map<String, Object>>>path("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return items;
    }

    private static List<String> allNames(String sort) {
        return all(sort).stream().map(p -> (String) p.get("name")).toList();
    }

    private static List<String> mine(List<String> names, String prefix) {
        return names.stream().filter(n -> n.startsWith(prefix)).toList();
    }

    private static org.hamcrest.Matcher<String> endsWithSlug(String slug) {
        return org.hamcrest.Matchers.endsWith("/problems/" + slug);
    }
}
