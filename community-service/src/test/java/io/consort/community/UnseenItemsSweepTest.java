package io.consort.community;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.consort.testkit.ApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a partner cannot see answers exactly as if it did not exist, on every operation of the document (those
 * added later included) and whatever {@code If-Match} comes with it. An active member reaches with real ids for
 * another partner's thread and post in a space its tier does not admit, a hidden thread, a hidden post in a thread
 * it does see, resources, announcements and spaces gated away from it or hidden, and another partner's unlisted
 * membership. Each call must answer what the same call answers with ids that exist nowhere: 404 (or 403 where its
 * role may not call the operation at all), as a problem; never a 412 or 428 that would tell the item exists (the
 * visibility check comes before the precondition), never the item, never a change, never an event. Its lists and
 * its search never show any of them.
 */
@QuarkusTest
class UnseenItemsSweepTest {

    static final String STALE = "\"999\"";

    @Inject
    AgroalDataSource database;

    /** Path variables of one unseen item, and the operations (by path prefix) that reach for it. */
    record Scenario(String name, String prefix, Map<String, String> ids) {

        String fill(String template) {
            String path = template;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            return path.replace("{number}", "1");
        }
    }

    static String created(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(path).then().statusCode(201)
                .extract().path("id");
    }

    static String vendor(String path, String json) {
        return created(Tokens.manager(), path, json);
    }

    static void moderate(String path, String json) {
        given().auth().oauth2(Tokens.manager()).contentType(ContentType.JSON).body(json).put(path).then().statusCode(200);
    }

    static String etag(String path) {
        return given().auth().oauth2(Tokens.manager()).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** The operation's answer to {@code token} with {@code ifMatch} (none when null). */
    static Response call(ApiDocument api, ApiDocument.Operation operation, String token, String ifMatch,
            java.util.function.Function<String, String> fill) {
        RequestSpecification request = given().auth().oauth2(token);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return api.call(request, operation, fill);
    }

    @Test
    void everyOperationOnAnItemAPartnerCannotSeeAnswersAsIfItDidNotExistWhateverItsIfMatch() throws Exception {
        UUID program = UUID.randomUUID();
        UUID owner = Community.member(program, "EMEA", "PLATINUM");
        UUID intruder = Community.member(program, "EMEA", "SILVER");
        String ownerToken = Tokens.partnerUser("own" + owner.toString().substring(0, 8), owner);
        String intruderHandle = "int" + intruder.toString().substring(0, 8);
        Map<String, String> intruders = Map.of("partner-admin", Tokens.partnerAdmin(intruderHandle + "a", intruder),
                "partner-user", Tokens.partnerUser(intruderHandle, intruder));
        String word = Community.word();
        String mention = " @" + intruderHandle + " " + word;

        String openSpace = vendor("/api/v1/spaces", "{\"name\":\"Open\",\"kind\":\"GENERAL\"}");
        String gatedSpace = vendor("/api/v1/spaces", "{\"name\":\"Platinum\",\"kind\":\"TIER\",\"visibility\":{\"minimumTier\":\"PLATINUM\"}}");
        String hiddenSpace = vendor("/api/v1/spaces", "{\"name\":\"Hidden\",\"kind\":\"GENERAL\",\"visibility\":{\"hidden\":true}}");
        // The intruder writes once (so its handle is known) and sees what is open: the checks below can fail.
        created(intruders.get("partner-user"), "/api/v1/threads",
                "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"Hello\",\"body\":\"hi\"}".formatted(openSpace));

        String thread = "{\"spaceId\":\"%s\",\"kind\":\"QUESTION\",\"title\":\"Q " + word + "\",\"body\":\"Ask" + mention + "\"}";
        String reply = "{\"body\":\"Answer" + mention + "\"}";
        String gatedThread = created(ownerToken, "/api/v1/threads", thread.formatted(gatedSpace));
        String gatedPost = created(ownerToken, "/api/v1/threads/" + gatedThread + "/posts", reply);
        String hiddenThread = created(ownerToken, "/api/v1/threads", thread.formatted(openSpace));
        String hiddenThreadPost = created(ownerToken, "/api/v1/threads/" + hiddenThread + "/posts", reply);
        moderate("/api/v1/threads/" + hiddenThread + "/moderation", "{\"hidden\":true}");
        // The vendor's, so that nothing the intruder may see names the other partner.
        String visibleThread = vendor("/api/v1/threads", thread.formatted(openSpace));
        String hiddenPost = created(ownerToken, "/api/v1/threads/" + visibleThread + "/posts", reply);
        moderate("/api/v1/threads/" + visibleThread + "/posts/" + hiddenPost + "/moderation", "{\"hidden\":true}");
        String resource = """
                {"title":"Guide %s","kind":"LINK","terms":"Confidential.","visibility":%s,"content":{"url":"https://example.com/x"}}""";
        String gatedResource = vendor("/api/v1/resources", resource.formatted(word, "{\"minimumTier\":\"PLATINUM\"}"));
        String hiddenResource = vendor("/api/v1/resources", resource.formatted(word, "{\"hidden\":true}"));
        String announcement = "{\"title\":\"News\",\"body\":\"b\",\"visibility\":%s,\"publishAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
        String gatedAnnouncement = vendor("/api/v1/announcements", announcement.formatted("{\"minimumTier\":\"PLATINUM\"}"));
        String hiddenAnnouncement = vendor("/api/v1/announcements", announcement.formatted("{\"hidden\":true}"));

        List<Scenario> scenarios = List.of(
                new Scenario("thread and post in a space its tier does not admit", "/api/v1/threads/{id}",
                        Map.of("id", gatedThread, "postId", gatedPost)),
                new Scenario("hidden thread", "/api/v1/threads/{id}", Map.of("id", hiddenThread, "postId", hiddenThreadPost)),
                new Scenario("hidden post in a thread it sees", "/api/v1/threads/{id}/posts/{postId}",
                        Map.of("id", visibleThread, "postId", hiddenPost)),
                new Scenario("resource its tier does not admit", "/api/v1/resources/{id}", Map.of("id", gatedResource)),
                new Scenario("hidden resource", "/api/v1/resources/{id}", Map.of("id", hiddenResource)),
                new Scenario("announcement its tier does not admit", "/api/v1/announcements/{id}", Map.of("id", gatedAnnouncement)),
                new Scenario("hidden announcement", "/api/v1/announcements/{id}", Map.of("id", hiddenAnnouncement)),
                new Scenario("space its tier does not admit", "/api/v1/spaces/{id}", Map.of("id", gatedSpace)),
                new Scenario("hidden space", "/api/v1/spaces/{id}", Map.of("id", hiddenSpace)),
                new Scenario("another partner's unlisted membership", "/api/v1/members/{partnerId}",
                        Map.of("partnerId", owner.toString())));
        Set<String> unseen = new TreeSet<>(List.of(gatedSpace, hiddenSpace, gatedThread, gatedPost, hiddenThread,
                hiddenThreadPost, hiddenPost, gatedResource, hiddenResource, gatedAnnouncement, hiddenAnnouncement,
                owner.toString()));
        Map<String, String> versions = versions(scenarios);
        List<String> aboutThem = List.of(gatedResource, hiddenResource, gatedThread, hiddenThread, visibleThread,
                gatedPost, hiddenThreadPost, hiddenPost);
        long eventsBefore = events(aboutThem);

        ApiDocument api = ApiDocument.fetch();
        Set<String> swept = new TreeSet<>();
        Set<String> leaks = new TreeSet<>();
        for (Scenario scenario : scenarios) {
            for (ApiDocument.Operation operation : api.operationsUnder(scenario.prefix())) {
                swept.add(operation.name());
                String path = scenario.fill(operation.path());
                // The item's own ETag (the post's for post operations): even the right version must not pass.
                String current = versions.get(scenario.fill(operation.path().contains("{postId}")
                        ? "/api/v1/threads/{id}/posts/{postId}" : scenario.prefix()));
                for (Map.Entry<String, String> role : intruders.entrySet()) {
                    Response nowhere = call(api, operation, role.getValue(), STALE,
                            template -> ApiDocument.randomIds(template.replace("{number}", "1")));
                    int expected = nowhere.statusCode();
                    if (expected != 404 && expected != 403) {
                        leaks.add(operation.name() + " with ids that exist nowhere -> " + expected);
                        continue;
                    }
                    for (String ifMatch : Arrays.asList(null, STALE, current, "*")) {
                        Response answer = call(api, operation, role.getValue(), ifMatch, scenario::fill);
                        if (answer.statusCode() != expected
                                || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                            leaks.add("%s: %s as %s, If-Match %s -> %d (%d where nothing exists)".formatted(scenario.name(),
                                    operation.method() + " " + path, role.getKey(), ifMatch, answer.statusCode(), expected));
                        }
                    }
                }
            }
        }
        // Starting a thread in a space it may not see is a create, not under the space's path.
        for (String space : List.of(gatedSpace, hiddenSpace)) {
            for (String token : intruders.values()) {
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{\"spaceId\":\"%s\",\"kind\":\"QUESTION\",\"title\":\"t\",\"body\":\"b\"}".formatted(space))
                        .post("/api/v1/threads").then().statusCode(404).contentType("application/problem+json");
            }
        }
        assertTrue(swept.size() >= 20, "swept only " + swept);
        assertEquals(Set.of(), leaks, "calls on unseen items that answered otherwise than on items that do not exist");

        // Nothing was changed or published, and nothing was answered.
        assertEquals(versions, versions(scenarios), "versions after the sweep");
        for (String[] threadAndPost : new String[][] {{gatedThread, gatedPost}, {hiddenThread, hiddenThreadPost},
                {visibleThread, hiddenPost}}) {
            given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{id}/posts", threadAndPost[0]).then()
                    .statusCode(200).body("items.id", equalTo(List.of(threadAndPost[1])))
                    .body("items[0].votes", equalTo(0));
            given().auth().oauth2(Tokens.manager()).get("/api/v1/threads/{id}", threadAndPost[0]).then()
                    .body("acceptedPostId", nullValue());
        }
        assertEquals(0, count("select count(*) from terms_acceptance where partner_id = ?", intruder));
        assertEquals(eventsBefore, events(aboutThem), "events about the unseen items after the sweep");

        // Its lists (every page) and its search show none of them; what it may see, they do show.
        Map<String, String> pages = new LinkedHashMap<>();
        for (ApiDocument.Operation operation : api.operationsUnder("/api/")) {
            if (!operation.method().equals("GET") || operation.path().contains("{")) {
                continue;
            }
            for (String token : intruders.values()) {
                String all = everyPage(operation.path(), token, word);
                pages.merge(operation.path(), all, String::concat);
                for (String id : unseen) {
                    assertFalse(all.contains(id), operation.path() + " shows unseen " + id + ": " + all);
                }
            }
        }
        assertTrue(pages.keySet().containsAll(List.of("/api/v1/spaces", "/api/v1/threads", "/api/v1/resources",
                "/api/v1/announcements", "/api/v1/members", "/api/v1/members/me/mentions", "/api/v1/community/search")),
                "lists swept: " + pages.keySet());
        assertTrue(pages.get("/api/v1/community/search").contains(visibleThread), "search finds the visible thread");
        assertTrue(pages.get("/api/v1/members/me/mentions").contains(visibleThread), "the visible mention is listed");
        assertTrue(pages.get("/api/v1/spaces").contains(openSpace), "the open space is listed");
    }

    /**
     * The precondition never speaks first: the author of a post that it can no longer see (its tier went down, the post or
     * its thread was hidden, the space's rule changed, its partner was suspended) gets 404 for an edit or a delete
     * whatever {@code If-Match} says, stale, current or {@code *}; once it sees the post again, a stale
     * {@code If-Match} is a 412 again (so the 404s were the visibility check, not a broken precondition).
     */
    @Test
    void theAuthorOfAPostItNoLongerSeesGets404ForAnEditOrDeleteWhateverItsIfMatch() {
        UUID partner = Community.member(UUID.randomUUID(), "EMEA", "GOLD");
        String author = Tokens.partnerUser("aut" + partner.toString().substring(0, 8), partner);
        String lounge = vendor("/api/v1/spaces", "{\"name\":\"Gold\",\"kind\":\"TIER\",\"visibility\":{\"minimumTier\":\"GOLD\"}}");
        String thread = created(author, "/api/v1/threads",
                "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"Mine\",\"body\":\"b\"}".formatted(lounge));
        String post = created(author, "/api/v1/threads/" + thread + "/posts", "{\"body\":\"first draft\"}");
        String postPath = "/api/v1/threads/" + thread + "/posts/" + post;
        String space = "/api/v1/spaces/" + lounge;

        record LossOfSight(String name, Runnable lose, Runnable restore) {
        }
        List<LossOfSight> losses = List.of(
                new LossOfSight("its tier went down", () -> Community.setTier(partner, "SILVER", Instant.now()),
                        () -> Community.setTier(partner, "GOLD", Instant.now())),
                new LossOfSight("the post was hidden", () -> moderate(postPath + "/moderation", "{\"hidden\":true}"),
                        () -> moderate(postPath + "/moderation", "{\"hidden\":false}")),
                new LossOfSight("the thread was hidden", () -> moderate("/api/v1/threads/" + thread + "/moderation", "{\"hidden\":true}"),
                        () -> moderate("/api/v1/threads/" + thread + "/moderation", "{\"hidden\":false}")),
                new LossOfSight("the space moved to another region", () -> moderate(space,
                        "{\"name\":\"Gold\",\"kind\":\"TIER\",\"visibility\":{\"minimumTier\":\"GOLD\",\"regions\":[\"APAC\"]}}"),
                        () -> moderate(space, "{\"name\":\"Gold\",\"kind\":\"TIER\",\"visibility\":{\"minimumTier\":\"GOLD\"}}")),
                new LossOfSight("its partner was suspended", () -> Community.suspend(partner), () -> Community.reinstate(partner)));

        List<String> wrong = new ArrayList<>();
        for (LossOfSight loss : losses) {
            expectEditAndDelete(author, postPath, STALE, 412, loss.name() + " (before)", wrong);
            loss.lose().run();
            String current = etag(postPath);
            for (String ifMatch : Arrays.asList(STALE, current, "*", "W/" + current, null)) {
                expectEditAndDelete(author, postPath, ifMatch, 404, loss.name(), wrong);
            }
            loss.restore().run();
        }
        expectEditAndDelete(author, postPath, STALE, 412, "all restored", wrong);
        assertEquals(List.of(), wrong, "edits and deletes of one's own post that answered otherwise");
        given().auth().oauth2(Tokens.manager()).get(postPath).then().statusCode(200).body("body", equalTo("first draft"))
                .body("editedAt", nullValue());
        given().auth().oauth2(author).get("/api/v1/threads/{id}/posts", thread).then().body("items.id", hasItem(post));
    }

    private static void expectEditAndDelete(String token, String postPath, String ifMatch, int status, String when,
            List<String> wrong) {
        RequestSpecification edit = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"body\":\"changed\"}");
        RequestSpecification delete = given().auth().oauth2(token);
        if (ifMatch != null) {
            edit = edit.header("If-Match", ifMatch);
            delete = delete.header("If-Match", ifMatch);
        }
        for (Map.Entry<String, Response> answer : Map.of("PUT", edit.put(postPath), "DELETE", delete.delete(postPath)).entrySet()) {
            if (answer.getValue().statusCode() != status
                    || !String.valueOf(answer.getValue().contentType()).startsWith("application/problem+json")) {
                wrong.add("%s, %s If-Match %s -> %d (expected %d)".formatted(when, answer.getKey(), ifMatch,
                        answer.getValue().statusCode(), status));
            }
        }
    }

    /** Outbox rows about these items: theirs (aggregate) or naming them (a post's thread, an answer's post). */
    private long events(List<String> ids) throws Exception {
        return count("""
                select count(*) from outbox where aggregateid = any(?) or payload->>'threadId' = any(?)
                    or payload->>'postId' = any(?) or payload->>'resourceId' = any(?)""",
                ids.toArray(String[]::new), ids.toArray(String[]::new), ids.toArray(String[]::new), ids.toArray(String[]::new));
    }

    private long count(String sql, Object... parameters) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The vendor's ETag of each scenario's item (and of its post), by path. */
    private static Map<String, String> versions(List<Scenario> scenarios) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Scenario scenario : scenarios) {
            List<String> templates = new ArrayList<>(List.of(scenario.prefix()));
            if (scenario.ids().containsKey("postId") && !scenario.prefix().contains("{postId}")) {
                templates.add("/api/v1/threads/{id}/posts/{postId}");
            }
            for (String template : templates) {
                String path = scenario.fill(template);
                versions.put(path, etag(path));
            }
        }
        return versions;
    }

    /** Every page of a list, for {@code token}, as one text; {@code q} for the search. */
    private static String everyPage(String path, String token, String q) {
        StringBuilder all = new StringBuilder();
        String cursor = null;
        for (int page = 0; page < 1000; page++) {
            RequestSpecification request = given().auth().oauth2(token).queryParam("limit", 100);
            if (path.endsWith("/search")) {
                request = request.queryParam("q", q);
            }
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response response = request.get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.asString());
            all.append(response.asString());
            cursor = response.path("nextCursor");
            if (cursor == null) {
                return all.toString();
            }
        }
        throw new AssertionError(path + " did not end within 1000 pages");
    }
}
