package io.consort.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 16, rate limits: per client, per route, 429 problem with Retry-After and the RateLimit headers. */
@QuarkusTest
class RateLimitTest {

    @Test
    void aClientOverItsRoutesLimitGetsA429ProblemWhileOthersGoOn() {
        // The test profile's rule: 3 requests per hour on /api/v1/test-limited, per token subject.
        String alice = "Bearer " + TestTokens.user("alice-limited", "channel-manager").sign();
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("Authorization", alice).get("/api/v1/test-limited/a").then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Policy", "3;w=3600")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        given().header("Authorization", alice).get("/api/v1/test-limited/a").then()
                .statusCode(429)
                .contentType("application/problem+json")
                // One request's worth of an hour refilling 3: 1200 s, less what the test took so far.
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("11[0-9][0-9]|1200"))
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("https://consort.io/problems/too-many-requests"))
                .body("detail", containsString("Rate limit 'test' of 3 requests per 3600 s reached"));
        // Another subject has its own bucket; other routes fall under the (raised) default.
        given().header("Authorization", "Bearer " + TestTokens.user("bob-limited", "channel-manager").sign())
                .get("/api/v1/test-limited/a").then().statusCode(200).header("RateLimit-Remaining", "2");
        given().header("Authorization", alice).get("/api/v1/programs").then().statusCode(200).header("RateLimit-Limit", "100000");
        given().get("/q/metrics").then().body(containsString("consort_gateway_rate_limited_total{limit=\"test\",route=\"limited\"}"));
    }
}
