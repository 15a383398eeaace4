package io.consort.gateway;

import static io.consort.gateway.Edge.signedIn;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.contracts.RequestHead;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoutingTest {

    /** api.md's "Resources and owners" table, one path per prefix. */
    private static final Map<String, String> OWNER_BY_PATH = Map.ofEntries(
            Map.entry("/api/v1/programs", "recruitment"),
            Map.entry("/api/v1/programs/7/recommendations", "recruitment"),
            Map.entry("/api/v1/prospects/bulk", "recruitment"),
            Map.entry("/api/v1/applications/9/approve", "recruitment"),
            Map.entry("/api/v1/partners/by-external-id/sf/001", "recruitment"),
            Map.entry("/api/v1/training/modules", "recruitment"),
            Map.entry("/api/v1/partner-directory", "recruitment"),
            Map.entry("/api/v1/spaces", "community"),
            Map.entry("/api/v1/threads/3", "community"),
            Map.entry("/api/v1/resources", "community"),
            Map.entry("/api/v1/announcements", "community"),
            Map.entry("/api/v1/members", "community"),
            Map.entry("/api/v1/community/search", "community"),
            Map.entry("/api/v1/campaigns", "campaign"),
            Map.entry("/api/v1/leads/5/accept", "campaign"),
            Map.entry("/api/v1/deal-registrations", "campaign"),
            Map.entry("/api/v1/mdf/requests", "campaign"),
            Map.entry("/api/v1/routing-rules", "campaign"),
            Map.entry("/api/v1/forms/0b7e", "campaign"),
            Map.entry("/t/abc123", "campaign"),
            Map.entry("/api/v1/scorecards/0b7e", "performance"),
            Map.entry("/api/v1/tiers", "performance"),
            Map.entry("/api/v1/leaderboard", "performance"),
            Map.entry("/api/v1/incentives", "performance"),
            Map.entry("/api/v1/dashboards/partner", "performance"));

    @Test
    void everyPrefixOfTheApiTableReachesItsOwningService() {
        OWNER_BY_PATH.forEach((path, owner) -> signedIn().urlEncodingEnabled(false).get(path).then()
                .statusCode(200)
                .body("upstream", equalTo(owner))
                .body("uri", equalTo(path)));
    }

    @Test
    void pathQueryBodyAndBearerTokenArriveUnchanged() {
        String uri = "/api/v1/partners/by-external-id/salesforce/001%2FAB?fields=name,tier&q=a%20b&x=1&x=2";
        String body = "{\"name\":\"Acme\",\"tags\":[\"é\",\"☃\"]}";
        JsonPath echo = signedIn().urlEncodingEnabled(false)
                .header("Idempotency-Key", "k-1")
                .header("If-Match", "\"3\"")
                .contentType("application/json; charset=UTF-8")
                .body(body)
                .put(uri)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("recruitment", echo.getString("upstream"));
        assertEquals("PUT", echo.getString("method"));
        assertEquals(uri, echo.getString("uri"));
        assertEquals(Edge.bearer(), echo.getString("headers.authorization[0]"));
        assertEquals("k-1", echo.getString("headers.idempotency-key[0]"));
        assertEquals("\"3\"", echo.getString("headers.if-match[0]"));
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(bytes.length, echo.getLong("bodyLength"));
        assertEquals(Digests.sha256(bytes), echo.getString("bodySha256"));
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        signedIn().get("/api/v1/partners-export").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/not-found"))
                .body("status", is(404))
                .body("instance", equalTo("/api/v1/partners-export"));
    }

    @Test
    void anUnknownPrefixIsANotFoundProblem() {
        Response response = signedIn().get("/api/v2/programs");
        response.then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No service serves /api/v2/programs."))
                .body("requestId", equalTo(response.header("X-Request-Id")));
    }

    @Test
    void adminEndpointsAreNotRoutedBecauseEveryServiceHasItsOwn() {
        for (String path : new String[] {"/api/v1/admin/rebuild", "/api/v1/admin/community/outbox", "/api/v1/admin/recruitment/rebuild",
                "/api/v1/admin/nobody/rebuild", "/api/v1/admin/community"}) {
            signedIn().post(path).then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", startsWith("Administrative endpoints belong to each service"));
        }
    }

    @Test
    void aServicesRebuildIsReachedUnderItsNameAndRewrittenToItsOwnPath() {
        for (String service : new String[] {"community", "campaign", "performance"}) {
            Response response = signedIn().post("/api/v1/admin/" + service + "/rebuild?dryRun=false");
            response.then()
                    .statusCode(202)
                    .body("upstream", equalTo(service))
                    .body("method", equalTo("POST"))
                    .body("uri", equalTo("/api/v1/admin/rebuild?dryRun=false"))
                    // The service's absolute Location (its own address and path) comes back as the gateway's.
                    .header("Location", equalTo("http://" + gatewayAuthority() + "/api/v1/admin/" + service + "/rebuild"));
        }
        signedIn().get("/api/v1/admin/performance/rebuild").then().statusCode(200).body("uri", equalTo("/api/v1/admin/rebuild"));
        // Still behind the edge's token check, like every routed call.
        RestAssured.given().post("/api/v1/admin/community/rebuild").then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void dotSegmentsCannotSmuggleARequestPastItsRoute() {
        signedIn().urlEncodingEnabled(false).get("/api/v1/programs/%2e%2e/admin/rebuild").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/bad-request"));
    }

    @Test
    void aRequestTargetOrHeaderFieldsOverTheSuitesLimitsAreProblemsOfTheGatewaysOwn() {
        String path = "/api/v1/programs";
        String within = path + "?q=" + "a".repeat(RequestHead.MAX_URI_LENGTH - path.length() - 3);
        signedIn().urlEncodingEnabled(false).get(within).then().statusCode(200).body("uri", equalTo(within));
        Response tooLong = signedIn().urlEncodingEnabled(false).get(within + "a");
        tooLong.then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/uri-too-long"))
                .body("instance", equalTo(path))
                .body("requestId", equalTo(tooLong.header("X-Request-Id")));
        signedIn().header("X-Padding", "a".repeat(RequestHead.MAX_HEADER_BYTES / 2)).get(path).then().statusCode(200);
        signedIn().header("X-Padding", "a".repeat(RequestHead.MAX_HEADER_BYTES)).get(path).then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("https://consort.io/problems/headers-too-large"));
    }

    @Test
    void aGeneratedRequestIdIsSentUpstreamAndReturned() {
        Response response = signedIn().get("/api/v1/programs");
        String id = response.header("X-Request-Id");
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))
                // The upstream's own X-Request-Id answer header never replaces the gateway's.
                .body("headers.x-request-id", contains(id));
    }

    @Test
    void theClientsRequestIdIsKeptAndAMalformedOneReplaced() {
        signedIn().header("X-Request-Id", "portal-7f3a:42").get("/api/v1/tiers").then()
                .statusCode(200)
                .header("X-Request-Id", "portal-7f3a:42")
                .body("headers.x-request-id", contains("portal-7f3a:42"));
        signedIn().header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/tiers").then()
                .statusCode(200)
                .header("X-Request-Id", not("<script>alert(1)</script>"))
                .body("headers.x-request-id[0]", not("<script>alert(1)</script>"));
    }

    @Test
    void traceContextPassesThroughUntouched() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        signedIn().header("traceparent", traceparent).header("tracestate", "vendor=1")
                .get("/api/v1/leads").then()
                .statusCode(200)
                .body("headers.traceparent", contains(traceparent))
                .body("headers.tracestate", contains("vendor=1"));
    }

    @Test
    void hopByHopHeadersStopAtTheGatewayAndForwardingHeadersAreItsOwn() {
        signedIn().header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "for-the-gateway-only")
                .header("Proxy-Authorization", "Basic Z2F0ZXdheQ==")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .get("/api/v1/spaces").then()
                .statusCode(200)
                .body("headers.x-hop-secret", nullValue())
                .body("headers.proxy-authorization", nullValue())
                .body("headers.x-forwarded-for", contains("127.0.0.1"))
                .body("headers.x-forwarded-proto", contains("http"))
                .body("headers.x-forwarded-host", contains(gatewayAuthority()))
                .body("headers.x-forwarded-port", contains(String.valueOf(RestAssured.port)))
                .body("headers.host", contains(not(gatewayAuthority())))
                // Answer side: hop-by-hop from the upstream dropped, its own headers kept.
                .header("Keep-Alive", nullValue())
                .header("X-Upstream", "community");
    }

    @Test
    void anAbsoluteLocationFromTheServicePointsBackAtTheGateway() {
        signedIn().post("/api/v1/programs/created").then()
                .statusCode(201)
                .header("Location", "http://" + gatewayAuthority() + "/api/v1/programs/42");
    }

    @Test
    void everyHttpMethodIsForwarded() {
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            signedIn().request(method, "/api/v1/incentives").then().statusCode(200).body("method", equalTo(method));
        }
        signedIn().head("/api/v1/incentives").then().statusCode(200).header("X-Upstream", "performance");
    }

    /** Host and port as the test client addresses the gateway, i.e. what it sends as {@code Host}. */
    private static String gatewayAuthority() {
        return java.net.URI.create(RestAssured.baseURI).getHost() + ":" + RestAssured.port;
    }
}
