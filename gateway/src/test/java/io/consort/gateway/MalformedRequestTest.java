package io.consort.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Requests Vert.x Web refuses before any handler of the gateway runs: they are still answered with a problem
 * (and a request id), not a 500 or an empty body. Raw sockets, because HTTP clients will not send them.
 */
@QuarkusTest
class MalformedRequestTest {

    @Test
    void anHttp11RequestWithoutHostIsA400Problem() throws IOException {
        String answer = RawHttp.exchange("GET /api/v1/programs HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"https://consort.io/problems/bad-request\""), answer);
        assertTrue(answer.contains("Host"), answer);
        assertTrue(answer.toLowerCase().contains("x-request-id: "), answer);
    }

    @Test
    void twoHostsAreA400ProblemToo() throws IOException {
        String answer = RawHttp.exchange("GET /api/v1/programs HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("\"type\":\"https://consort.io/problems/bad-request\""), answer);
    }

    @Test
    void twoAuthorizationHeadersAreA400ProblemAndNotForwarded() throws IOException {
        String answer = RawHttp.exchange("GET /api/v1/programs HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer one\r\n"
                + "Authorization: Bearer two\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("one Authorization header, not 2"), answer);
        assertTrue(!answer.contains("\"upstream\""), answer);
    }

    @Test
    void anHttp10RequestNeedsNoHost() throws IOException {
        String answer = RawHttp.exchange("GET /api/v1/programs HTTP/1.0\r\nAuthorization: " + Edge.bearer() + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.0 200"), answer);
        assertTrue(answer.contains("\"upstream\":\"recruitment\""), answer);
    }
}
