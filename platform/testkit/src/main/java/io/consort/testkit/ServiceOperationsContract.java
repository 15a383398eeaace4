package io.consort.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What ops and API clients rely on from every service, whatever its features: liveness, readiness
 * once its database answers, its OpenAPI document, Prometheus metrics. A service's
 * {@code @QuarkusTest} extends this and names its API.
 */
public abstract class ServiceOperationsContract {

    /** The {@code info.title} of the service's OpenAPI document. */
    protected abstract String apiTitle();

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
}
