package io.consort.gateway;

import static io.consort.gateway.Edge.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessIsUp() {
        signedIn().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessStaysUpAndReportsEachUpstreamsReachability() {
        signedIn().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.recruitment", startsWith("UP at http://127.0.0.1:"))
                .body("checks.find { it.name == 'upstreams' }.data.performance", containsString("circuit CLOSED"))
                .body("checks.find { it.name == 'upstreams' }.data.dead", startsWith("UNREACHABLE ("));
    }

    @Test
    void metricsCountRequestsPerRouteWithoutPathsInTheTags() {
        signedIn().get("/api/v1/campaigns/1").then().statusCode(200);
        signedIn().get("/api/v1/campaigns/2").then().statusCode(200);
        signedIn().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("consort_gateway_requests_seconds_count{method=\"GET\",route=\"campaign\",status=\"200\"}"))
                .body(containsString("consort_gateway_circuit_open{route=\"campaign\"} 0.0"))
                .body(org.hamcrest.Matchers.not(containsString("/api/v1/campaigns/1")));
    }

    @Test
    void aPreflightFromThePortalIsAnsweredAtTheEdge() {
        signedIn().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/applications").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("X-Upstream", nullValue());
    }

    @Test
    void corsHeadersComeFromTheGatewayNotTheService() {
        signedIn().header("Origin", "http://localhost:3000").get("/api/v1/programs").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        signedIn().header("Origin", "https://evil.example").get("/api/v1/programs").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
