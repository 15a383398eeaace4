package io.consort.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ETags and {@code If-Match} alike on every single item a caller may change: a read's ETag is the item's
 * {@code version}; a weak or stale tag is a 412 problem and changes nothing; the current tag, a list holding it,
 * {@code *} and no header at all (api.md: If-Match is optional) let the change through, and its answer's ETag is
 * what the next read gives. A delete under a stale tag is a 412 and deletes nothing.
 */
@QuarkusTest
class SingleItemETagsTest {

    /** One change of one item: who makes it, and two bodies that each change it. */
    record Change(String name, String item, String method, String path, String token, String first, String second) {
    }

    static String created(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post(path).then().statusCode(201)
                .extract().path("id");
    }

    static Response read(String token, String path) {
        Response response = given().auth().oauth2(token).get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.asString());
        return response;
    }

    static Response change(Change change, String ifMatch, String body) {
        RequestSpecification request = given().auth().oauth2(change.token()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.request(change.method(), change.path());
    }

    @Test
    void everyChangeableItemHonoursIfMatch() {
        String manager = Tokens.manager();
        UUID partner = Community.member(UUID.randomUUID(), "EMEA", "GOLD");
        String author = Tokens.partnerUser("etg" + partner.toString().substring(0, 8), partner);
        String space = created(manager, "/api/v1/spaces", "{\"name\":\"S\",\"kind\":\"GENERAL\"}");
        String thread = created(author, "/api/v1/threads",
                "{\"spaceId\":\"%s\",\"kind\":\"DISCUSSION\",\"title\":\"T\",\"body\":\"b\"}".formatted(space));
        String post = created(author, "/api/v1/threads/" + thread + "/posts", "{\"body\":\"draft\"}");
        String resource = created(manager, "/api/v1/resources",
                "{\"title\":\"R\",\"kind\":\"LINK\",\"content\":{\"url\":\"https://example.com/r\"}}");
        String announcement = "{\"title\":\"%s\",\"body\":\"b\",\"publishAt\":\"" + Instant.now().minusSeconds(60) + "\"}";
        String news = created(manager, "/api/v1/announcements", announcement.formatted("A"));
        String postPath = "/api/v1/threads/" + thread + "/posts/" + post;

        List<Change> changes = List.of(
                new Change("space", "/api/v1/spaces/" + space, "PUT", "/api/v1/spaces/" + space, manager,
                        "{\"name\":\"A\",\"kind\":\"GENERAL\"}", "{\"name\":\"B\",\"kind\":\"GENERAL\"}"),
                new Change("resource", "/api/v1/resources/" + resource, "PUT", "/api/v1/resources/" + resource, manager,
                        "{\"title\":\"A\",\"kind\":\"LINK\"}", "{\"title\":\"B\",\"kind\":\"LINK\"}"),
                new Change("announcement", "/api/v1/announcements/" + news, "PUT", "/api/v1/announcements/" + news, manager,
                        announcement.formatted("B"), announcement.formatted("C")),
                new Change("thread moderation", "/api/v1/threads/" + thread, "PUT", "/api/v1/threads/" + thread + "/moderation",
                        manager, "{\"pinned\":true}", "{\"pinned\":false}"),
                new Change("post edit by its author", postPath, "PUT", postPath, author, "{\"body\":\"one\"}", "{\"body\":\"two\"}"),
                new Change("post moderation", postPath, "PUT", postPath + "/moderation", manager, "{\"hidden\":true}",
                        "{\"hidden\":false}"));

        List<String> wrong = new ArrayList<>();
        for (Change change : changes) {
            Response first = read(manager, change.item());
            String tag = first.header("ETag");
            long version = ((Number) first.path("version")).longValue();
            assertEquals("\"" + version + "\"", tag, change.name() + ": the ETag is the version");

            for (String refused : List.of("W/" + tag, "\"" + (version + 7) + "\"", "\"" + version + "x\"")) {
                Response answer = change(change, refused, change.first());
                if (answer.statusCode() != 412 || !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                    wrong.add(change.name() + " If-Match " + refused + " -> " + answer.statusCode());
                }
            }
            assertEquals(tag, read(manager, change.item()).header("ETag"), change.name() + ": a refused change changed it");

            String[] bodies = {change.first(), change.second(), change.first(), change.second()};
            String current = tag;
            for (int i = 0; i < bodies.length; i++) {
                String ifMatch = switch (i) {
                    case 0 -> current;
                    case 1 -> "\"999\", " + current;
                    case 2 -> "*";
                    default -> null;
                };
                Response answer = change(change, ifMatch, bodies[i]);
                if (answer.statusCode() != 200) {
                    wrong.add(change.name() + " If-Match " + ifMatch + " -> " + answer.statusCode() + " " + answer.asString());
                    break;
                }
                String next = answer.header("ETag");
                assertNotEquals(current, next, change.name() + ": a change moves the ETag");
                assertEquals(next, read(manager, change.item()).header("ETag"), change.name() + ": the answer's ETag is the item's");
                Response stale = change(change, current, bodies[i]);
                if (stale.statusCode() != 412) {
                    wrong.add(change.name() + " with the ETag before the change -> " + stale.statusCode());
                }
                current = next;
            }
        }
        assertEquals(List.of(), wrong, "changes that did not honour If-Match");

        String tag = read(author, postPath).header("ETag");
        given().auth().oauth2(author).header("If-Match", "\"999\"").delete(postPath).then().statusCode(412)
                .contentType("application/problem+json");
        assertTrue(read(author, postPath).header("ETag").equals(tag), "a refused delete left the post as it was");
        given().auth().oauth2(author).header("If-Match", tag).delete(postPath).then().statusCode(204);
        given().auth().oauth2(manager).get(postPath).then().statusCode(404);
        given().auth().oauth2(manager).get("/api/v1/members/{id}", partner).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"\\d+\""));
    }
}
