package io.consort.community.library;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.consort.community.Community;
import io.consort.community.Tokens;
import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The resource library: terms before access, versions, tags, and resource.opened for the opener's partner. */
@QuarkusTest
class LibraryTest {

    static final String GUIDE = """
            {"title":"Pricing guide 2027","description":"List prices","kind":"DOCUMENT","tags":["pricing","sales"],
             "terms":"Confidential.","content":{"url":"https://files.example.com/pricing-v1.pdf","note":"first"}}""";

    static String create(String json) {
        return given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/resources").then().statusCode(201)
                .header("Location", containsString("/api/v1/resources/")).header("ETag", "\"0\"")
                .extract().path("id");
    }

    @Inject
    AgroalDataSource database;

    long openedEvents(String resource) throws Exception {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from outbox where aggregateid = ? and type = ?")) {
            s.setString(1, resource);
            s.setString(2, EventTypes.RESOURCE_OPENED.ceType());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void aRetriedBodylessActionWithTheSameKeyIsAnsweredFromTheStoreAndActsOnce() throws Exception {
        String id = create(GUIDE);
        String ada = Tokens.partnerUser("ada", Community.member(UUID.randomUUID(), "EMEA", "REGISTERED"));
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(ada).header("Idempotency-Key", key)
                .post("/api/v1/resources/{id}/terms-acceptance", id).then().statusCode(200)
                .header("Idempotent-Replayed", nullValue()).extract().asString();
        given().auth().oauth2(ada).header("Idempotency-Key", key).post("/api/v1/resources/{id}/terms-acceptance", id)
                .then().statusCode(200).header("Idempotent-Replayed", "true").body(equalTo(first));

        String open = UUID.randomUUID().toString();
        String opened = given().auth().oauth2(ada).header("Idempotency-Key", open).post("/api/v1/resources/{id}/open", id)
                .then().statusCode(200).header("Idempotent-Replayed", nullValue()).extract().asString();
        given().auth().oauth2(ada).header("Idempotency-Key", open).post("/api/v1/resources/{id}/open", id).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body(equalTo(opened));
        assertEquals(1, openedEvents(id), "the retry must not publish resource.opened again");

        // The same key on another action is a different request (422), and a fresh key acts again.
        given().auth().oauth2(ada).header("Idempotency-Key", open).post("/api/v1/resources/{id}/terms-acceptance", id)
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(ada).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/resources/{id}/open", id).then().statusCode(200).header("Idempotent-Replayed", nullValue());
        assertEquals(2, openedEvents(id));
    }

    @Test
    void termsComeBeforeTheContentAndOpeningIsPublished() throws Exception {
        String id = create(GUIDE);
        UUID partner = Community.member(UUID.randomUUID(), "EMEA", "REGISTERED");
        String ada = Tokens.partnerUser("ada", partner);

        given().auth().oauth2(ada).get("/api/v1/resources/{id}", id).then().statusCode(200)
                .body("termsRequired", equalTo(true)).body("termsAcceptedByMe", equalTo(false));
        given().auth().oauth2(ada).post("/api/v1/resources/{id}/open", id).then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(0, openedEvents(id), "a refused opening publishes nothing");
        given().auth().oauth2(ada).post("/api/v1/resources/{id}/terms-acceptance", id).then().statusCode(200)
                .body("userId", equalTo("ada"));
        given().auth().oauth2(ada).post("/api/v1/resources/{id}/terms-acceptance", id).then().statusCode(200);
        given().auth().oauth2(ada).post("/api/v1/resources/{id}/open", id).then().statusCode(200)
                .body("number", equalTo(1)).body("url", equalTo("https://files.example.com/pricing-v1.pdf"));

        ConsumerRecord<String, String> opened = KafkaRecords.await(Topics.COMMUNITY,
                KafkaRecords.withCeSubject(id).and(KafkaRecords.withCeType(EventTypes.RESOURCE_OPENED.ceType())),
                Duration.ofSeconds(30));
        EventSchemas.assertValid(EventTypes.RESOURCE_OPENED.ceType(), opened.value());
        assertEquals(partner.toString(), opened.key());
    }

    @Test
    void aNewVersionIsWhatMembersOpenWhileTheVendorStillReadsTheOldOne() {
        String id = create(GUIDE.replace("\"terms\":\"Confidential.\",", ""));
        UUID partner = Community.member(UUID.randomUUID(), "EMEA", "REGISTERED");
        String ada = Tokens.partnerUser("ada", partner);

        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).header("If-Match", "\"5\"")
                .body("{\"url\":\"https://files.example.com/pricing-v2.pdf\"}")
                .post("/api/v1/resources/{id}/versions", id).then().statusCode(412);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"url\":\"https://files.example.com/pricing-v2.pdf\",\"note\":\"Q2\"}")
                .post("/api/v1/resources/{id}/versions", id).then().statusCode(201)
                .header("Location", containsString("/versions/2")).body("current", equalTo(true));

        given().auth().oauth2(ada).post("/api/v1/resources/{id}/open", id).then().statusCode(200)
                .body("number", equalTo(2)).body("url", containsString("v2"));
        given().auth().oauth2(ada).get("/api/v1/resources/{id}/versions/1", id).then().statusCode(404);
        given().auth().oauth2(ada).get("/api/v1/resources/{id}/versions", id).then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).get("/api/v1/resources/{id}/versions/1", id).then().statusCode(200)
                .body("current", equalTo(false)).body("url", containsString("v1"));
        given().auth().oauth2(Tokens.manager()).get("/api/v1/resources/{id}/versions", id).then().statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void tagsFilterAndTextIsRenderedSafely() {
        String tag = "tag-" + UUID.randomUUID();
        String text = create("""
                {"title":"Playbook","kind":"TEXT","tags":["%s"],"content":{"text":"# Play\\n<script>x()</script>"}}""".formatted(tag));
        create(GUIDE.replace("\"terms\":\"Confidential.\",", ""));
        UUID partner = Community.member(UUID.randomUUID(), "EMEA", "REGISTERED");
        given().auth().oauth2(Tokens.partnerUser("ada", partner)).queryParam("tag", tag).get("/api/v1/resources").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(text));
        given().auth().oauth2(Tokens.partnerUser("ada", partner)).post("/api/v1/resources/{id}/open", text).then()
                .statusCode(200).body("textHtml", containsString("<h1>Play</h1>"))
                .body("textHtml", not(containsString("<script")));
    }

    @Test
    void badResourcesAreProblems() {
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"kind\":\"TEXT\",\"content\":{}}").post("/api/v1/resources").then()
                .statusCode(400).body("errors[0].field", equalTo("text"));
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"kind\":\"LINK\",\"content\":{\"url\":\"javascript:alert(1)\"}}")
                .post("/api/v1/resources").then().statusCode(400);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"kind\":\"LINK\"}").post("/api/v1/resources").then().statusCode(400);
        given().auth().oauth2(Tokens.manager()).queryParam("kind", "NOPE").get("/api/v1/resources").then().statusCode(400);
    }

    @Test
    void onlyTheVendorChangesTheLibrary() {
        String id = create(GUIDE);
        UUID partner = Community.member(UUID.randomUUID(), "EMEA", "REGISTERED");
        String update = "{\"title\":\"Pricing\",\"kind\":\"DOCUMENT\",\"tags\":[\"x\"]}";
        given().contentType(ContentType.JSON).body(update).put("/api/v1/resources/{id}", id).then().statusCode(401);
        given().auth().oauth2(Tokens.partnerAdmin("pa", partner)).contentType(ContentType.JSON).body(update)
                .put("/api/v1/resources/{id}", id).then().statusCode(403);
        given().auth().oauth2(Tokens.partnerAdmin("pa", partner)).contentType(ContentType.JSON).body(GUIDE)
                .post("/api/v1/resources").then().statusCode(403);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(update)
                .put("/api/v1/resources/{id}", id).then().statusCode(412);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put("/api/v1/resources/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("termsRequired", equalTo(false)).body("tags", hasItem("x"));
        given().auth().oauth2(Tokens.manager()).get("/api/v1/resources/{id}", UUID.randomUUID()).then().statusCode(404);
    }
}
