package io.consort.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Raw sockets, so the test controls exactly how much body is sent: the gateway closes the connection after
 * a 413, and unread bytes left behind would turn that close into a reset that can swallow the answer.
 */
@QuarkusTest
class BodyLimitTest {

    /** consort.gateway.max-body-size in the test profile. */
    private static final int LIMIT = 16 * 1024 * 1024;

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyBodyIsRead() throws IOException {
        String answer = RawHttp.exchange("POST /api/v1/prospects/bulk HTTP/1.1\r\nHost: gw\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n", 0);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"https://consort.io/problems/payload-too-large\""), answer);
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsCutOffWithAProblem() throws IOException {
        String answer = RawHttp.exchange("POST /api/v1/prospects/bulk HTTP/1.1\r\nHost: gw\r\nContent-Type: application/x-ndjson\r\n"
                + "Authorization: " + Edge.bearer() + "\r\nTransfer-Encoding: chunked\r\n\r\n", LIMIT + 1);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"status\":413"), answer);
    }
}
