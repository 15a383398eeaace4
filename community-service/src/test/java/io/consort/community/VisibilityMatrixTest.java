package io.consort.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/**
 * For each kind of item (space, resource, thread, announcement) and each rule (minimum tier, program,
 * region, hidden), a member the rule admits and one it does not, on list, get, search and the kind's
 * write (start a thread in a space, reply in a thread, open a resource). Announcements are not searched
 * and not written by partners, so they have list and get. Then the vendor lifts the rule (opens the space,
 * the resource, the announcement; shows the thread) and the member it refused sees the same item everywhere
 * at once: so its refusal was the rule's doing, and for "hidden", which no member passes, that member is the
 * one that may.
 */
@QuarkusTest
class VisibilityMatrixTest {

    static final UUID P1 = UUID.randomUUID();
    static final UUID P2 = UUID.randomUUID();

    /** A rule and two members: one it admits, one it does not. */
    record Rule(String name, String json, UUID may, UUID mayNot) {
    }

    static List<Rule> rules() {
        return List.of(
                new Rule("tier", "{\"minimumTier\":\"GOLD\"}", Community.member(P1, "EMEA", "GOLD"),
                        Community.member(P1, "EMEA", "SILVER")),
                new Rule("program", "{\"programIds\":[\"" + P1 + "\"]}", Community.member(P1, "EMEA", "REGISTERED"),
                        Community.member(P2, "EMEA", "PLATINUM")),
                new Rule("region", "{\"regions\":[\"EMEA\"]}", Community.member(P1, "EMEA", "REGISTERED"),
                        Community.member(P1, "APAC", "PLATINUM")),
                new Rule("hidden", "{\"hidden\":true}", null, Community.member(P1, "EMEA", "PLATINUM")));
    }

    static String word() {
        return Community.word();
    }

    static String post(String path, String json) {
        return given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body(json).post(path).then()
                .statusCode(201).extract().path("id");
    }

    static String token(UUID partner) {
        return Tokens.partnerUser("user-" + partner.toString().substring(0, 8), partner);
    }

    static Matcher<Iterable<? super String>> listed(boolean may, String id) {
        return may ? hasItem(id) : not(hasItem(id));
    }

    void assertSees(UUID partner, boolean may, String collection, String id, String searchWord) {
        String token = token(partner);
        given().auth().oauth2(token).queryParam("limit", 200).get(collection).then().statusCode(200)
                .body("items.id", listed(may, id));
        given().auth().oauth2(token).get(collection + "/" + id).then().statusCode(may ? 200 : 404);
        if (searchWord != null) {
            given().auth().oauth2(token).queryParam("q", searchWord).get("/api/v1/community/search").then()
                    .statusCode(200).body("items.id", listed(may, id));
        }
    }

    /** The member the rule admits (none for "hidden") and the one it refuses, each with whether it may. */
    static void eachMember(Rule rule, BiConsumer<UUID, Boolean> check) {
        if (rule.may() != null) {
            check.accept(rule.may(), true);
        }
        check.accept(rule.mayNot(), false);
    }

    /** The vendor changes an item (a PUT without If-Match). */
    static void change(String path, String json) {
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body(json).put(path).then().statusCode(200);
    }

    void eachRule(Function<Rule, Boolean> scenario) {
        for (Rule rule : rules()) {
            scenario.apply(rule);
        }
    }

    @Test
    void spaces() {
        eachRule(rule -> {
            String word = word();
            String space = post("/api/v1/spaces", "{\"name\":\"%s\",\"kind\":\"GENERAL\",\"visibility\":%s}"
                    .formatted(rule.name(), rule.json()));
            String thread = post("/api/v1/threads", "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"About %s\",\"body\":\"text\"}"
                    .formatted(space, word));
            BiConsumer<UUID, Boolean> check = (member, may) -> {
                assertSees(member, may, "/api/v1/spaces", space, null);
                given().auth().oauth2(token(member)).queryParam("q", word).get("/api/v1/community/search").then()
                        .statusCode(200).body("items.id", listed(may, thread));
                given().auth().oauth2(token(member)).queryParam("spaceId", space).get("/api/v1/threads").then()
                        .statusCode(200).body("items.id", listed(may, thread));
                given().auth().oauth2(token(member)).contentType(ContentType.JSON)
                        .body("{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"t\",\"body\":\"b\"}".formatted(space))
                        .post("/api/v1/threads").then().statusCode(may ? 201 : 404);
            };
            eachMember(rule, check);
            change("/api/v1/spaces/" + space, "{\"name\":\"%s\",\"kind\":\"GENERAL\",\"visibility\":{}}".formatted(rule.name()));
            check.accept(rule.mayNot(), true);
            return true;
        });
    }

    @Test
    void resources() {
        eachRule(rule -> {
            String word = word();
            String resource = post("/api/v1/resources", """
                    {"title":"Guide %s","kind":"LINK","tags":["%s"],"visibility":%s,"content":{"url":"https://example.com/%s"}}"""
                    .formatted(word, rule.name(), rule.json(), word));
            BiConsumer<UUID, Boolean> check = (member, may) -> {
                assertSees(member, may, "/api/v1/resources", resource, word);
                given().auth().oauth2(token(member)).get("/api/v1/resources/{id}/versions/1", resource).then()
                        .statusCode(may ? 200 : 404);
                given().auth().oauth2(token(member)).post("/api/v1/resources/{id}/open", resource).then()
                        .statusCode(may ? 200 : 404);
            };
            eachMember(rule, check);
            change("/api/v1/resources/" + resource, """
                    {"title":"Guide %s","kind":"LINK","tags":["%s"],"visibility":{}}""".formatted(word, rule.name()));
            check.accept(rule.mayNot(), true);
            return true;
        });
    }

    @Test
    void threads() {
        eachRule(rule -> {
            String word = word();
            boolean hiddenRule = rule.name().equals("hidden");
            // The thread's own rule is its space's, except "hidden", which is the thread's moderation flag.
            String space = post("/api/v1/spaces", "{\"name\":\"s\",\"kind\":\"GENERAL\",\"visibility\":%s}"
                    .formatted(hiddenRule ? "{}" : rule.json()));
            String thread = post("/api/v1/threads", "{\"spaceId\":\"%s\",\"kind\":\"QUESTION\",\"title\":\"Q %s\",\"body\":\"b\"}"
                    .formatted(space, word));
            String reply = post("/api/v1/threads/" + thread + "/posts", "{\"body\":\"answer %s\"}".formatted(word));
            if (hiddenRule) {
                given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body("{\"hidden\":true}")
                        .put("/api/v1/threads/{id}/moderation", thread).then().statusCode(200);
            }
            BiConsumer<UUID, Boolean> check = (member, may) -> {
                assertSees(member, may, "/api/v1/threads", thread, word);
                given().auth().oauth2(token(member)).queryParam("q", "answer " + word).get("/api/v1/community/search")
                        .then().statusCode(200).body("items.id", listed(may, reply));
                given().auth().oauth2(token(member)).get("/api/v1/threads/{id}/posts", thread).then()
                        .statusCode(may ? 200 : 404);
                given().auth().oauth2(token(member)).get("/api/v1/threads/{id}/posts/{p}", thread, reply).then()
                        .statusCode(may ? 200 : 404);
                given().auth().oauth2(token(member)).contentType(ContentType.JSON).body("{\"body\":\"me too\"}")
                        .post("/api/v1/threads/{id}/posts", thread).then().statusCode(may ? 201 : 404);
            };
            eachMember(rule, check);
            if (hiddenRule) {
                change("/api/v1/threads/" + thread + "/moderation", "{\"hidden\":false}");
            } else {
                change("/api/v1/spaces/" + space, "{\"name\":\"s\",\"kind\":\"GENERAL\",\"visibility\":{}}");
            }
            check.accept(rule.mayNot(), true);
            given().auth().oauth2(token(rule.mayNot())).get("/api/v1/threads/{id}/posts", thread).then()
                    .body("items.id", hasItem(reply));
            return true;
        });
    }

    @Test
    void announcements() {
        eachRule(rule -> {
            String body = """
                    {"title":"News","body":"b","visibility":%s,"publishAt":"%s"}""";
            Instant publishAt = Instant.now().minusSeconds(60);
            String announcement = post("/api/v1/announcements", body.formatted(rule.json(), publishAt));
            BiConsumer<UUID, Boolean> check = (member, may) -> assertSees(member, may, "/api/v1/announcements", announcement, null);
            eachMember(rule, check);
            change("/api/v1/announcements/" + announcement, body.formatted("{}", publishAt));
            check.accept(rule.mayNot(), true);
            return true;
        });
    }
}
