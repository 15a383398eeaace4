package io.consort.community;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.consort.testkit.ConsortInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The community service boots on the chassis against a real database and broker: migrated, healthy,
 * documented, measured, and closed to callers without a token.
 */
@QuarkusTest
@QuarkusTestResource(value = ConsortInfrastructure.class,
        initArgs = @ResourceArg(name = ConsortInfrastructure.SERVICE_ARG, value = "community"))
class CommunityServiceTest {

    @Test
    void isLiveAndBecomesReadyWithItsDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        given().get("/q/health/ready").then().body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", containsString("3."))
                .body("info.title", equalTo("Consort community API"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void anApiPathWithoutATokenIs401WithABearerChallenge() {
        given().get("/api/v1/spaces").then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }
}
