package io.consort.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    void everyOperationButThePublicOnesRefusesACallerWithoutAToken() {
        ApiDocument api = ApiDocument.fetch();
        Set<String> open = new TreeSet<>();
        Set<String> notProblem = new TreeSet<>();
        for (ApiDocument.Operation operation : api.operationsUnder("/api/")) {
            if (publicOperations().contains(operation.name())) {
                continue;
            }
            Response response = api.call(given(), operation, ApiDocument::randomIds);
            if (response.statusCode() != 401) {
                open.add(operation.name() + " -> " + response.statusCode());
            } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                notProblem.add(operation.name());
            }
        }
        assertEquals(Set.of(), open, "operations that do not answer 401 without a token");
        assertEquals(Set.of(), notProblem, "401 answers that are not problem+json");
    }

    /** Front ends generate clients and forms from the document: every operation says what it does. */
    @Test
    void everyOperationHasASummaryAndEveryObjectSchemaAnExample() {
        ApiDocument api = ApiDocument.fetch();
        List<String> withoutSummary = api.operationsUnder("/api/").stream()
                .filter(operation -> operation.spec().get("summary") == null).map(ApiDocument.Operation::name).toList();
        assertEquals(List.of(), withoutSummary, "operations without a summary");

        Map<String, Map<String, Object>> schemas = api.section("components", "schemas");
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
}
