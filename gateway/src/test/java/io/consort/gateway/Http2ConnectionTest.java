package io.consort.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: on HTTP/2 many requests share one connection, so a request the gateway refuses before reading its
 * body must not close the connection (a GOAWAY fails every other request in flight on it, as the JDK client's
 * h2c connections saw in the fault scenarios); only its own stream ends. HTTP/1.1 still closes (the unread body
 * would be read as the next request).
 */
@QuarkusTest
class Http2ConnectionTest {

    @Test
    void aRefusedRequestWithAnUnreadBodyLeavesTheOtherStreamsOfItsConnectionAlone() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String base = "http://127.0.0.1:" + RestAssured.port;
        // The first request upgrades the connection to HTTP/2 (h2c); the ones after it share that connection.
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, first.version(), "the JDK client upgraded to h2c");

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/test-sluggish/h2"))
                .header("Authorization", Edge.bearer()).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300);
        for (int i = 0; i < 3; i++) { // no token: a 401 before the body is read
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/programs"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(4000) + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(HttpClient.Version.HTTP_2, refused.version());
        }
        HttpResponse<String> answered = inFlight.get();
        assertEquals(200, answered.statusCode(), answered.body());
        assertEquals("eventually", answered.body());
    }
}
