package io.consort.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.testkit.ApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every bad input is a 4xx problem, never a 500 nor the HTTP layer's plain text, on every operation of the
 * document (those added later included), called by the vendor's administrator so that no role check answers
 * first: ids that are not ids, bodies that are not JSON, not an object, or the wrong shape, and bad paging.
 */
@QuarkusTest
class BadInputSweepTest {

    static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"text\"", "{\"title\":{},\"body\":[],\"name\":7,"
            + "\"kind\":\"NOPE\",\"spaceId\":\"x\",\"postId\":1,\"visibility\":{\"minimumTier\":[]},\"publishAt\":\"soon\"}",
            "{\"body\":\"" + "x".repeat(20001) + "\",\"title\":\"" + "t".repeat(201) + "\",\"name\":\"" + "n".repeat(121) + "\"}");

    static boolean problem(Response response) {
        return response.statusCode() >= 400 && response.statusCode() < 500
                && String.valueOf(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyBadInputIsAProblemNeverA500() {
        ApiDocument api = ApiDocument.fetch();
        String admin = Tokens.admin();
        Set<String> wrong = new TreeSet<>();
        int calls = 0;
        for (ApiDocument.Operation operation : api.operationsUnder("/api/")) {
            if (operation.path().contains("{")) {
                Response response = api.call(given().auth().oauth2(admin), operation,
                        template -> template.replaceAll("\\{[^}]+}", "not-an-id"));
                calls++;
                if (!problem(response)) {
                    wrong.add(operation.name() + " with ids that are not ids -> " + response.statusCode());
                }
            }
            boolean takesBody = operation.spec().get("requestBody") instanceof Map<?, ?>;
            if (takesBody) {
                for (String body : BAD_BODIES) {
                    RequestSpecification request = given().auth().oauth2(admin).contentType("application/json").body(body);
                    Response response = request.request(operation.method(), ApiDocument.randomIds(operation.path().replace("{number}", "1")));
                    calls++;
                    if (!problem(response)) {
                        wrong.add(operation.name() + " with body " + body.substring(0, Math.min(40, body.length())) + " -> "
                                + response.statusCode());
                    }
                }
            }
            if (operation.method().equals("GET") && !operation.path().contains("{")) {
                for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "abc"),
                        Map.of("limit", "100000"), Map.of("cursor", "garbage!"), Map.of("cursor", "eyJ4IjoxfQ"))) {
                    Response response = given().auth().oauth2(admin).queryParam("q", "x").queryParams(query).get(operation.path());
                    calls++;
                    if (!problem(response) || response.statusCode() != 400) {
                        wrong.add(operation.name() + " with " + query + " -> " + response.statusCode());
                    }
                }
            }
        }
        assertTrue(calls > 100, "made only " + calls + " calls");
        assertEquals(Set.of(), wrong, "bad inputs not answered with a 4xx problem");
    }
}
