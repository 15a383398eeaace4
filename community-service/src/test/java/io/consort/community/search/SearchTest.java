package io.consort.community.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.community.Community;
import io.consort.community.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Ranked, highlighted, cursor-paged full text that never shows what the caller may not see. */
@QuarkusTest
class SearchTest {

    static String word() {
        return Community.word();
    }

    static String post(String path, String json) {
        return given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body(json).post(path).then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void titlesRankAboveBodiesAndSnippetsAreEscapedWithMarks() {
        String w = word();
        String space = post("/api/v1/spaces", "{\"name\":\"S\",\"kind\":\"GENERAL\"}");
        String inTitle = post("/api/v1/threads", "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"%s rules\",\"body\":\"plain\"}"
                .formatted(space, w));
        String inBody = post("/api/v1/threads/" + inTitle + "/posts", "{\"body\":\"<b>bold</b> 5 < 6 talk of %s here\"}".formatted(w));
        String ada = Tokens.partnerUser("ada", Community.member(UUID.randomUUID(), "EMEA", "REGISTERED"));

        given().auth().oauth2(ada).queryParam("q", w).get("/api/v1/community/search").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(inTitle)).body("items[0].kind", equalTo("THREAD"))
                .body("items[1].id", equalTo(inBody)).body("items[1].kind", equalTo("POST"))
                .body("items[1].threadId", equalTo(inTitle))
                .body("items[1].snippet", containsString("<mark>" + w + "</mark>"))
                .body("items[1].snippet", containsString("5 &lt; 6"))
                .body("items[1].snippet", not(containsString("<b>")))
                .body("nextCursor", nullValue());
    }

    @Test
    void aScriptInAPostNeverReachesASnippet() {
        String w = word();
        String space = post("/api/v1/spaces", "{\"name\":\"S\",\"kind\":\"GENERAL\"}");
        String thread = post("/api/v1/threads", "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"t\",\"body\":\"b\"}"
                .formatted(space));
        post("/api/v1/threads/" + thread + "/posts",
                "{\"body\":\"<script>alert('%s')</script> %s <mark onmouseover=alert(1)>x</mark> <img src=x onerror=alert(2)>\"}"
                        .formatted(w, w));
        String snippet = given().auth().oauth2(Tokens.manager()).queryParam("q", w).get("/api/v1/community/search").then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].snippet", containsString("<mark>" + w + "</mark>"))
                .body("items[0].snippet", not(containsString("<script")))
                .body("items[0].snippet", not(containsString("<img")))
                .extract().path("items[0].snippet");
        // The author's markup is text (escaped); the only elements are our own marks, without attributes.
        for (Element element : Jsoup.parseBodyFragment(snippet).body().children().select("*")) {
            assertEquals("mark", element.normalName(), snippet);
            assertEquals(0, element.attributesSize(), snippet);
        }
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() {
        String w = word();
        String space = post("/api/v1/spaces", "{\"name\":\"S\",\"kind\":\"GENERAL\"}");
        String thread = post("/api/v1/threads", "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"t\",\"body\":\"b\"}"
                .formatted(space));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(post("/api/v1/threads/" + thread + "/posts", "{\"body\":\"%s %s\"}".formatted(w, "word ".repeat(i))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Tokens.manager()).queryParam("q", w).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/community/search").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList());
        assertEquals(7, seen.size());
    }

    @Test
    void hiddenPostsNeverSurfaceForPartnersButDoForTheVendor() {
        String w = word();
        String space = post("/api/v1/spaces", "{\"name\":\"S\",\"kind\":\"GENERAL\"}");
        String thread = post("/api/v1/threads", "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"t\",\"body\":\"b\"}"
                .formatted(space));
        String hidden = post("/api/v1/threads/" + thread + "/posts", "{\"body\":\"secret %s\"}".formatted(w));
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"hidden\":true}")
                .put("/api/v1/threads/{t}/posts/{p}/moderation", thread, hidden).then().statusCode(200);
        String ada = Tokens.partnerUser("ada", Community.member(UUID.randomUUID(), "EMEA", "REGISTERED"));
        given().auth().oauth2(ada).queryParam("q", w).get("/api/v1/community/search").then().statusCode(200)
                .body("items", hasSize(0)).body("nextCursor", nullValue());
        given().auth().oauth2(Tokens.manager()).queryParam("q", w).get("/api/v1/community/search").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void badSearchesAreProblems() {
        given().auth().oauth2(Tokens.manager()).get("/api/v1/community/search").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().auth().oauth2(Tokens.manager()).queryParam("q", "x").queryParam("cursor", "garbage!")
                .get("/api/v1/community/search").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(Tokens.manager()).queryParam("q", "\"unbalanced & | !").get("/api/v1/community/search")
                .then().statusCode(200).body("items", notNullValue());
        given().queryParam("q", "x").get("/api/v1/community/search").then().statusCode(401);
        given().auth().oauth2(Tokens.roleless()).queryParam("q", "x").get("/api/v1/community/search").then().statusCode(403);
    }
}
