package io.consort.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        String answer = exchange("POST /api/v1/prospects/bulk HTTP/1.1\r\nHost: gw\r\nContent-Type: application/x-ndjson\r\n"
                + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n", 0);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"type\":\"https://consort.io/problems/payload-too-large\""), answer);
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsCutOffWithAProblem() throws IOException {
        String answer = exchange("POST /api/v1/prospects/bulk HTTP/1.1\r\nHost: gw\r\nContent-Type: application/x-ndjson\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", LIMIT + 1);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"status\":413"), answer);
    }

    /** Sends the head and {@code chunkedBytes} of chunked body (no final chunk), then reads until the gateway closes. */
    private static String exchange(String head, int chunkedBytes) throws IOException {
        try (Socket socket = new Socket(java.net.URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) 'x');
            int left = chunkedBytes;
            while (left > 0) {
                int n = Math.min(block.length, left);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(block, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                left -= n;
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
