package io.consort.chassis.testhttp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.contracts.RequestHead;
import io.consort.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Answers given by Vert.x or the HTTP security layer, before or instead of a resource. */
@QuarkusTest
class HttpProblemTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/api/test/upload")
    URI upload;

    private static ValidatableResponse isProblem(ValidatableResponse r, int status, String type, String instance) {
        return r.statusCode(status)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(status))
                .body("type", equalTo("https://consort.io/problems/" + type))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo(instance))
                .body(not(containsString("Exception")));
    }

    @Test
    void aPathNoResourceMatchesIs404Problem() throws Exception {
        isProblem(given().get("/api/v1/nothing-here").then(), 404, "not-found", "/api/v1/nothing-here");
        String token = TestTokens.user("tester", "partner-user").sign();
        isProblem(given().auth().oauth2(token).get("/api/v1/nothing-here").then(), 404, "not-found",
                "/api/v1/nothing-here");
        isProblem(given().get("/q/nothing").then(), 404, "not-found", "/q/nothing");
        isProblem(given().contentType(ContentType.JSON).body("{}").post("/nowhere/at/all").then(), 404, "not-found",
                "/nowhere/at/all");
    }

    @Test
    void anUnannotatedApiEndpointStillNeedsAToken() {
        isProblem(given().get("/api/test/unannotated").then(), 401, "unauthorized", "/api/test/unannotated")
                .header("WWW-Authenticate", startsWith("Bearer"));
        isProblem(given().auth().oauth2("not.a.jwt").get("/api/test/unannotated").then(), 401, "unauthorized",
                "/api/test/unannotated")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void anUnannotatedApiEndpointServesAnyValidToken() throws Exception {
        given().auth().oauth2(TestTokens.user("tester", "partner-user").sign()).get("/api/test/unannotated")
                .then().statusCode(200).body("reached", equalTo("yes"));
    }

    @Test
    void aPathTheServiceOpensInItsOwnConfigurationIsPublic() {
        given().get("/api/test/public/probe").then().statusCode(200).body("public", equalTo("yes"));
    }

    @Test
    @TestSecurity(user = "pat", roles = "partner-user")
    void aRoleTheEndpointDoesNotAllowIs403Problem() {
        isProblem(given().get("/api/test/admin").then(), 403, "forbidden", "/api/test/admin");
    }

    @Test
    void aBodyOverTheLimitIs413Problem() throws Exception {
        byte[] body = new byte[100 * 1024];
        Arrays.fill(body, (byte) ' ');
        String token = TestTokens.user("tester", "prm-admin").sign();
        isProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/test/upload").then(),
                413, "payload-too-large", "/api/test/upload");
    }

    /**
     * A chunked body is counted while RESTEasy reads it, and RESTEasy ends the answer itself (a bare
     * 413, connection closed) before any handler of ours can give it a body: refused, not a problem.
     */
    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] body = new byte[100 * 1024];
        Arrays.fill(body, (byte) ' ');
        String token = TestTokens.user("tester", "prm-admin").sign();
        HttpRequest request = HttpRequest.newBuilder(upload)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                // No length known in advance: sent chunked, so only counting the bytes can refuse it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void aRequestTargetOverTheLimitIs414Problem() throws Exception {
        String token = TestTokens.user("tester", "partner-user").sign();
        String path = "/api/test/unannotated";
        String within = path + "?q=" + "a".repeat(RequestHead.MAX_URI_LENGTH - path.length() - 3);
        given().auth().oauth2(token).get(within).then().statusCode(200);
        isProblem(given().auth().oauth2(token).get(within + "a").then(), 414, "uri-too-long", path)
                .body("detail", containsString(Integer.toString(RequestHead.MAX_URI_LENGTH)));
        // Past the HTTP codec's own limit (64 KB) the codec refuses it first: still a 414, without a body.
        given().auth().oauth2(token).get(path + "?q=" + "a".repeat(70_000)).then().statusCode(414);
    }

    /** RFC 9112, 3.2; without a Host a service would write a Location of "http:/...". Raw, as clients always send one. */
    @Test
    void anHttp11RequestWithoutHostIs400Problem() throws Exception {
        try (Socket socket = new Socket(upload.getHost(), upload.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /api/test/unannotated HTTP/1.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("\"type\":\"https://consort.io/problems/bad-request\""), answer);
            assertTrue(answer.contains("exactly one Host"), answer);
        }
    }

    @Test
    void twoAuthorizationHeadersAre400ProblemEvenWhenBothAreValid() throws Exception {
        String token = TestTokens.user("tester", "prm-admin").sign();
        HttpRequest request = HttpRequest.newBuilder(upload.resolve("/api/test/unannotated"))
                .header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("one Authorization header, not 2"), response.body());
    }

    @Test
    void headerFieldsOverTheLimitAre431Problem() throws Exception {
        String token = TestTokens.user("tester", "partner-user").sign();
        String path = "/api/test/unannotated";
        given().auth().oauth2(token).header("X-Padding", "a".repeat(RequestHead.MAX_HEADER_BYTES / 2))
                .get(path).then().statusCode(200);
        isProblem(given().auth().oauth2(token).header("X-Padding", "a".repeat(RequestHead.MAX_HEADER_BYTES)).get(path)
                .then(), 431, "headers-too-large", path);
    }

    @Test
    void aBodyWithinTheLimitIsAccepted() throws Exception {
        String token = TestTokens.user("tester", "prm-admin").sign();
        given().auth().oauth2(token).contentType(ContentType.JSON).body("\"small\"").post("/api/test/upload")
                .then().statusCode(200);
    }

    @Test
    void anUnreachableIdentityProviderIs503ProblemWithRetryAfter() throws Exception {
        // Signed by a key the keycloak-down tenant has never seen, so it must fetch Keycloak's keys.
        String token = TestTokens.user("tester", "prm-admin").sign();
        isProblem(given().auth().oauth2(token).get("/api/test/keycloak-down/whoami").then(), 503,
                "service-unavailable", "/api/test/keycloak-down/whoami")
                .header("Retry-After", notNullValue());
    }
}
