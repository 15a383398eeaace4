package io.consort.community.announcement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.consort.community.Community;
import io.consort.community.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A member's feed: current announcements that target it; the vendor sees and edits them all. */
@QuarkusTest
class AnnouncementsTest {

    static String announce(String visibility, Instant publishAt, Instant expiresAt) {
        return given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"title\":\"News\",\"body\":\"**Big** news\",\"visibility\":%s,\"publishAt\":\"%s\"%s}".formatted(
                        visibility, publishAt, expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\""))
                .post("/api/v1/announcements").then().statusCode(201)
                .header("Location", containsString("/api/v1/announcements/")).extract().path("id");
    }

    @Test
    void aMembersFeedHoldsTheCurrentAnnouncementsThatTargetIt() {
        Instant now = Instant.now();
        String current = announce("{\"regions\":[\"EMEA\"]}", now.minusSeconds(60), now.plusSeconds(3600));
        String future = announce("{}", now.plusSeconds(3600), null);
        String expired = announce("{}", now.minusSeconds(7200), now.minusSeconds(3600));
        String elsewhere = announce("{\"regions\":[\"APAC\"]}", now.minusSeconds(60), null);
        String ada = Tokens.partnerUser("ada", Community.member(UUID.randomUUID(), "EMEA", "REGISTERED"));

        given().auth().oauth2(ada).queryParam("limit", 200).get("/api/v1/announcements").then().statusCode(200)
                .body("items.id", hasItem(current))
                .body("items.id", not(hasItem(future)))
                .body("items.id", not(hasItem(expired)))
                .body("items.id", not(hasItem(elsewhere)));
        given().auth().oauth2(ada).get("/api/v1/announcements/{id}", current).then().statusCode(200)
                .body("bodyHtml", equalTo("<p><strong>Big</strong> news</p>")).body("current", equalTo(true));
        given().auth().oauth2(ada).get("/api/v1/announcements/{id}", future).then().statusCode(404);
        given().auth().oauth2(Tokens.manager()).get("/api/v1/announcements/{id}", future).then().statusCode(200)
                .body("current", equalTo(false));
        given().auth().oauth2(Tokens.manager()).queryParam("limit", 200).get("/api/v1/announcements").then()
                .body("items.id", hasItem(future));
        given().auth().oauth2(Tokens.manager()).queryParam("limit", 200).queryParam("current", true)
                .get("/api/v1/announcements").then().body("items.id", not(hasItem(future)));
    }

    @Test
    void aScriptInAnAnnouncementNeverReachesAMembersBrowser() {
        String id = given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"title\":\"News\",\"body\":\"**Hi** <script>alert(1)</script><img src=x onerror=alert(2)>\",\"publishAt\":\"%s\"}"
                        .formatted(Instant.now().minusSeconds(60)))
                .post("/api/v1/announcements").then().statusCode(201)
                .body("body", containsString("<script>")).body("bodyHtml", not(containsString("<script")))
                .extract().path("id");
        String ada = Tokens.partnerUser("ada", Community.member(UUID.randomUUID(), "EMEA", "REGISTERED"));
        given().auth().oauth2(ada).get("/api/v1/announcements/{id}", id).then().statusCode(200)
                .body("bodyHtml", containsString("<p><strong>Hi</strong>"))
                .body("bodyHtml", not(containsString("<script"))).body("bodyHtml", not(containsString("onerror")));
        given().auth().oauth2(ada).queryParam("limit", 200).get("/api/v1/announcements").then().statusCode(200)
                .body("items.bodyHtml", not(hasItem(containsString("<script"))))
                .body("items.bodyHtml", not(hasItem(containsString("onerror"))));
    }

    @Test
    void onlyTheVendorAnnouncesAndEditsUnderIfMatch() {
        String id = announce("{}", Instant.now(), null);
        String body = "{\"title\":\"Edited\",\"body\":\"b\",\"publishAt\":\"" + Instant.now() + "\"}";
        given().auth().oauth2(Tokens.partnerAdmin("pa", UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/announcements").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).put("/api/v1/announcements/{id}", id).then().statusCode(401);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).header("If-Match", "\"4\"").body(body)
                .put("/api/v1/announcements/{id}", id).then().statusCode(412);
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/announcements/{id}", id).then().statusCode(200).body("title", equalTo("Edited"))
                .header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"body\":\"b\",\"publishAt\":\"2026-12-01T00:00:00Z\",\"expiresAt\":\"2026-11-01T00:00:00Z\"}")
                .post("/api/v1/announcements").then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
    }
}
