package io.consort.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What ops and API clients rely on from every service, whatever its features: liveness, readiness
 * once its database answers, its OpenAPI document, Prometheus metrics. A service's
 * {@code @QuarkusTest} extends this and names its API.
 */
public abstract class ServiceOperationsContract {

    /** The {@code info.title} of the service's OpenAPI document. */
    protected abstract String apiTitle();

    /**
     * The operations anyone may call without a token, as {@code "POST /api/v1/applications"} with the
     * document's path template; every other {@code /api/} operation must answer 401 to an anonymous caller.
     */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    @Test
    void isLiveAndBecomesReadyWithItsDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        given().get("/q/health/ready").then().body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", equalTo(apiTitle()));
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    /** A path no resource serves is a 404 problem, never the HTTP layer's plain text. */
    @Test
    void aPathNoResourceServesIsA404Problem() {
        given().get("/api/v1/no-such-resource").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://consort.io/problems/not-found"))
                .body("instance", equalTo("/api/v1/no-such-resource"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /**
     * Every operation the service documents under {@code /api/} refuses a caller without a token with a
     * 401 problem, except the public ones it names; so a new endpoint that forgets its roles, or a
     * permission rule that opens too much, fails here rather than in production.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationButThePublicOnesRefusesACallerWithoutAToken() {
        Map<String, Map<String, Object>> paths = openApi().get("paths") instanceof Map<?, ?> p
                ? (Map<String, Map<String, Object>>) p : Map.of();
        Set<String> open = new TreeSet<>();
        Set<String> notProblem = new TreeSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/api/") || !(operation instanceof Map<?, ?> op)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            if (publicOperations().contains(name)) {
                return;
            }
            Response response = anonymousCall(method, concrete(path), (Map<String, Object>) op);
            if (response.statusCode() != 401) {
                open.add(name + " -> " + response.statusCode());
            } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                notProblem.add(name);
            }
        }));
        assertEquals(Set.of(), open, "operations that do not answer 401 without a token");
        assertEquals(Set.of(), notProblem, "401 answers that are not problem+json");
    }

    /** Front ends generate clients and forms from the document: every operation says what it does. */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEveryObjectSchemaAnExample() {
        Map<String, Object> document = openApi();
        List<String> withoutSummary = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.get("paths") instanceof Map<?, ?> p
                ? (Map<String, Map<String, Object>>) p : Map.of();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/") && operation instanceof Map<?, ?> op && op.get("summary") == null) {
                withoutSummary.add(method.toUpperCase() + " " + path);
            }
        }));
        assertEquals(List.of(), withoutSummary, "operations without a summary");

        Map<String, Object> components = document.get("components") instanceof Map<?, ?> c
                ? (Map<String, Object>) c : Map.of();
        Map<String, Map<String, Object>> schemas = components.get("schemas") instanceof Map<?, ?> s
                ? (Map<String, Map<String, Object>>) s : Map.of();
        Set<String> withoutExample = new TreeSet<>();
        schemas.forEach((name, schema) -> {
            // Scalars (enumerations, ids) explain themselves by type, format and values; objects need an example.
            // OpenAPI 3.1 (what SmallRye writes) has "examples"; 3.0 had a single "example".
            boolean object = "object".equals(schema.get("type")) || schema.get("properties") != null;
            if (object && !hasExample(schema) && !everyPropertyHasAnExample(schema)) {
                withoutExample.add(name);
            }
        });
        assertEquals(Set.of(), withoutExample, "schemas without an example");
    }

    private static boolean hasExample(Map<?, ?> schema) {
        return schema.get("examples") != null || schema.get("example") != null;
    }

    /** Swagger UI composes an object's example from its properties' ones (a referenced schema has its own). */
    private static boolean everyPropertyHasAnExample(Map<String, Object> schema) {
        if (!(schema.get("properties") instanceof Map<?, ?> properties) || properties.isEmpty()) {
            return false;
        }
        return properties.values().stream().allMatch(p -> p instanceof Map<?, ?> property
                && (hasExample(property) || property.get("$ref") != null
                        || property.get("items") instanceof Map<?, ?> items && (hasExample(items) || items.get("$ref") != null)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> openApi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
    }

    /** The path with every template variable filled, e.g. {@code /api/v1/partners/{id}} with a random id. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    @SuppressWarnings("unchecked")
    private static Response anonymousCall(String method, String path, Map<String, Object> operation) {
        var request = given().redirects().follow(false);
        if (operation.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content
                && !content.isEmpty()) {
            String type = (String) content.keySet().iterator().next();
            request = request.contentType(type).body((type.contains("json") ? "{}" : "").getBytes(StandardCharsets.UTF_8));
        }
        return request.request(method.toUpperCase(), path);
    }
}
