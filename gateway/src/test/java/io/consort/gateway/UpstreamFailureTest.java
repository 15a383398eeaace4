package io.consort.gateway;

import static io.consort.gateway.Edge.signedIn;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UpstreamFailureTest {

    @Test
    void aServiceThatRefusesConnectionsIsAServiceUnavailableProblemWithRetryAfter() {
        Response response = signedIn().get("/api/v1/test-dead/things");
        response.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://consort.io/problems/service-unavailable"))
                .body("status", is(503))
                .body("detail", equalTo("The dead service cannot be reached; try again shortly."))
                .body("instance", equalTo("/api/v1/test-dead/things"))
                .body("requestId", equalTo(response.header("X-Request-Id")));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeoutProblem() {
        long started = System.nanoTime();
        signedIn().get("/api/v1/test-slow/report").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/gateway-timeout"))
                .body("detail", equalTo("The slow service did not answer within 1500 ms."));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // Cut at the configured 1.5 s, well before the upstream would have answered.
        assertTrue(took.toMillis() >= 1400 && took.toMillis() < UpstreamServers.SLOW_MILLIS, "took " + took);
    }

    @Test
    void anAnswerThatIsNotHttpIsABadGatewayProblem() {
        signedIn().get("/api/v1/test-broken").then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/bad-gateway"))
                .body("detail", equalTo("The broken service gave no valid answer."));
    }

    @Test
    void theCircuitOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulTrial() throws InterruptedException {
        String flaky = ConfigProvider.getConfig().getValue("consort.gateway.upstreams.flaky.url", String.class);
        signedIn().baseUri(flaky).get("/_control/healthy/false").then().statusCode(200);
        int hitsBefore = hits(flaky);

        // 3 failures of 3 calls open it in the test profile. POSTs, which the gateway never sends twice: a GET on a
        // kept-alive connection that the upstream drops would go once more on a fresh one.
        for (int i = 0; i < 3; i++) {
            signedIn().contentType("application/json").body("{}").post("/api/v1/test-flaky/x").then().statusCode(502);
        }
        signedIn().get("/api/v1/test-flaky/x").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("detail", equalTo("The flaky service is failing; calls to it are suspended for a moment."));
        assertEquals(hitsBefore + 3, hits(flaky), "an open circuit does not call the upstream");

        signedIn().baseUri(flaky).get("/_control/healthy/true").then().statusCode(200);
        Thread.sleep(1100); // open-duration is 1 s in the test profile
        signedIn().get("/api/v1/test-flaky/x").then().statusCode(200).body(equalTo("fine"));
        signedIn().get("/api/v1/test-flaky/x").then().statusCode(200);
        assertEquals(hitsBefore + 5, hits(flaky));
        signedIn().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "consort_gateway_upstream_failures_total{kind=\"circuit-open\",route=\"flaky\"}"));
    }

    @Test
    void aFailedTrialReopensTheCircuit() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            signedIn().get("/api/v1/test-reopen/y").then().statusCode(502);
        }
        signedIn().get("/api/v1/test-reopen/y").then().statusCode(503).header("Retry-After", notNullValue());
        Thread.sleep(1100);
        // The half-open trial reaches the still-broken upstream and fails...
        signedIn().get("/api/v1/test-reopen/y").then().statusCode(502);
        // ...so the next call is refused at once again, without the threshold's worth of failures.
        signedIn().get("/api/v1/test-reopen/y").then().statusCode(503).header("Retry-After", "1");
    }

    @Test
    void aRequestWithoutBodyGoesAgainOnAFreshConnectionWhenThePooledOneWasClosed() throws Exception {
        String stale = ConfigProvider.getConfig().getValue("consort.gateway.upstreams.stale.url", String.class);
        // One kept-alive connection to the gateway, so every call is received on the same event loop and so goes
        // out through that loop's pool (EventLoopClients), over the one pooled connection to the service.
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String gateway = "http://127.0.0.1:" + io.restassured.RestAssured.port;
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> call = (path, body) -> {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway + path)).header("Authorization", Edge.bearer());
            if (body != null) {
                request.header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        var first = call.apply("/api/v1/test-stale/a", null);
        assertEquals(200, first.statusCode());
        assertEquals("fresh", first.body());
        // The pooled connection carries this one, and the service closes it unanswered: the gateway sends it
        // again on a new connection rather than answering 502.
        var second = call.apply("/api/v1/test-stale/b", null);
        assertEquals(200, second.statusCode());
        assertEquals("fresh", second.body());
        assertEquals(2, connections(stale));

        // A request with a body is not sent twice: the same stale connection is a 502.
        var posted = call.apply("/api/v1/test-stale/c", "{\"name\":\"once\"}");
        assertEquals(502, posted.statusCode());
        assertEquals("application/problem+json", posted.headers().firstValue("Content-Type").orElse(""));
        assertTrue(posted.body().contains("\"detail\":\"The stale service gave no valid answer.\""), posted.body());
        assertEquals(2, connections(stale));
        signedIn().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "consort_gateway_upstream_failures_total{kind=\"stale-connection\",route=\"stale\"} 1.0"));
    }

    @Test
    void fiveHundredsOpenTheCircuitThoughTheServiceAnswered() {
        for (int i = 0; i < 3; i++) {
            // The service's own answer still reaches the client.
            signedIn().get("/api/v1/test-erring/z").then().statusCode(500).body("detail", equalTo("bug"));
        }
        signedIn().get("/api/v1/test-erring/z").then().statusCode(503)
                .body("detail", equalTo("The erring service is failing; calls to it are suspended for a moment."));
    }

    @Test
    void slowAnswersOpenTheCircuitThoughEachOneSucceeded() {
        for (int i = 0; i < 3; i++) {
            signedIn().get("/api/v1/test-sluggish/z").then().statusCode(200).body(equalTo("eventually"));
        }
        signedIn().get("/api/v1/test-sluggish/z").then().statusCode(503).header("Retry-After", notNullValue());
    }

    private static int connections(String stale) {
        return Integer.parseInt(signedIn().baseUri(stale).get("/_control/connections").then().statusCode(200).extract().asString());
    }

    private static int hits(String flaky) {
        return Integer.parseInt(signedIn().baseUri(flaky).get("/_control/hits").then().statusCode(200).extract().asString());
    }
}
