package io.consort.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.contracts.RequestHead;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * api.md's promise that no client mistake is ever a 500 and every error is problem+json, held to every
 * operation every service publishes in its OpenAPI document, through the gateway with a real token:
 * path ids that are no UUID, query values out of range or of the wrong type, bodies that are not JSON,
 * not an object, of the wrong types, nested too deep or not UTF-8, and the wrong content type. An
 * operation added later is covered without touching this test.
 */
class BadInputIT {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static SuiteStack stack;
    private static String adminToken;

    @BeforeAll
    static void startStack() {
        stack = SuiteStack.get();
        adminToken = stack.token("admin", "admin-pw");
    }

    @Test
    void everyOperationAnswersBadInputWithAProblemAndNeverA5xx() {
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        for (String service : stack.services()) {
            Map<String, Object> document = given().baseUri(stack.service(service)).queryParam("format", "json")
                    .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("");
            Map<String, Map<String, Object>> paths = map(document.get("paths"));
            for (var path : paths.entrySet()) {
                for (var operation : path.getValue().entrySet()) {
                    if (!METHODS.contains(operation.getKey())) {
                        continue;
                    }
                    operations++;
                    for (Attempt attempt : attempts(document, path.getKey(), operation.getKey(), map(operation.getValue()))) {
                        requests++;
                        String problem = check(attempt);
                        if (problem != null) {
                            wrong.add(attempt + " -> " + problem);
                        }
                    }
                }
            }
        }
        System.out.printf("bad input: %d requests to %d operations%n", requests, operations);
        assertTrue(operations > 40, "the services publish their operations (found " + operations + ")");
        assertTrue(wrong.isEmpty(), wrong.size() + " answers break the promise:\n" + String.join("\n", wrong));
    }

    /** One request the test sends, described for the failure message. */
    private record Attempt(String what, String method, String path, String contentType, byte[] body, boolean token) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + (path.length() > 120 ? path.substring(0, 120) + "..." : path) + " (" + what + ")";
        }
    }

    private static List<Attempt> attempts(Map<String, Object> document, String template, String method,
            Map<String, Object> operation) {
        List<Attempt> attempts = new ArrayList<>();
        String concrete = PATH_PARAMETER.matcher(template).replaceAll(UUID.randomUUID().toString());
        boolean hasBody = List.of("post", "put", "patch").contains(method);
        byte[] emptyObject = "{}".getBytes(StandardCharsets.UTF_8);
        String json = "application/json";
        if (template.contains("{")) {
            for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "%00", "9".repeat(40), "%C3%28")) {
                attempts.add(new Attempt("path " + id, method, PATH_PARAMETER.matcher(template).replaceAll(Matcher.quoteReplacement(id)),
                        json, hasBody ? emptyObject : null, true));
            }
        }
        for (Map<String, Object> parameter : list(operation.get("parameters"))) {
            if (!"query".equals(parameter.get("in"))) {
                continue;
            }
            for (String value : List.of("abc", "-1", "0", "99999999999999999999", "", "%ff", "!!!")) {
                String query = concrete + "?" + parameter.get("name") + "=" + value;
                attempts.add(new Attempt("query " + parameter.get("name") + "=" + value, method, query, json,
                        hasBody ? emptyObject : null, true));
            }
        }
        list(operation.get("parameters")).stream().filter(p -> "query".equals(p.get("in"))).findFirst().ifPresent(p -> {
            // A value that takes the whole request target the suite accepts (RequestHead), so the service parses it.
            String prefix = concrete + "?" + p.get("name") + "=";
            attempts.add(new Attempt("query " + p.get("name") + " of the longest value accepted", method,
                    prefix + "a".repeat(RequestHead.MAX_URI_LENGTH - prefix.length()), json, hasBody ? emptyObject : null, true));
        });
        attempts.add(new Attempt("a request target over the limit", method,
                concrete + "?pad=" + "a".repeat(RequestHead.MAX_URI_LENGTH), json, hasBody ? emptyObject : null, true));
        if (hasBody) {
            Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
            String type = content.isEmpty() ? json : content.keySet().iterator().next();
            Object schema = map(content.get(type)).get("schema");
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            bodies.put("not JSON", "{".getBytes(StandardCharsets.UTF_8));
            bodies.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
            bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
            bodies.put("empty", new byte[0]);
            bodies.put("an unknown field", "{\"zzz\": 1}".getBytes(StandardCharsets.UTF_8));
            bodies.put("every value of the wrong type", wrongTypes(document, schema).getBytes(StandardCharsets.UTF_8));
            bodies.put("nested 5,000 deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
            bodies.put("not UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', '\n'});
            for (var body : bodies.entrySet()) {
                attempts.add(new Attempt("body " + body.getKey(), method, concrete, type, body.getValue(), true));
            }
            attempts.add(new Attempt("text/plain", method, concrete, "text/plain", "hello".getBytes(StandardCharsets.UTF_8), true));
        }
        attempts.add(new Attempt("no token", method, concrete, json, hasBody ? emptyObject : null, false));
        return attempts;
    }

    /** Null when the answer keeps the promise, else what is wrong with it. */
    private static String check(Attempt attempt) {
        RequestSpecification request = given().baseUri(stack.gateway()).urlEncodingEnabled(false);
        if (attempt.token()) {
            request.auth().oauth2(adminToken);
        }
        if (attempt.body() != null) {
            request.contentType(attempt.contentType()).body(attempt.body());
        }
        Response answer = request.request(attempt.method(), attempt.path());
        int status = answer.statusCode();
        String contentType = answer.contentType() == null ? "" : answer.contentType();
        if (status >= 500) {
            return status + " " + answer.asString();
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            return status + " with content type '" + contentType + "'";
        }
        return null;
    }

    /** An object of the schema's shape with every string a number and every other value a string. */
    private static String wrongTypes(Map<String, Object> document, Object schema) {
        Map<String, Object> resolved = resolve(document, schema);
        StringBuilder body = new StringBuilder("{");
        for (var property : map(resolved.get("properties")).entrySet()) {
            Map<String, Object> type = resolve(document, property.getValue());
            body.append(body.length() > 1 ? "," : "").append('"').append(property.getKey()).append("\":")
                    .append("string".equals(type.get("type")) ? "12345" : "\"wrong\"");
        }
        return body.append('}').toString();
    }

    private static Map<String, Object> resolve(Map<String, Object> document, Object schema) {
        Map<String, Object> map = map(schema);
        Object ref = map.get("$ref");
        if (ref instanceof String reference) {
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            return resolve(document, map(map(document.get("components")).get("schemas")).get(name));
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, V>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
