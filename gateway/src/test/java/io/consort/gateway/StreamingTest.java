package io.consort.gateway;

import static io.consort.gateway.Edge.signedIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamingTest {

    private static final int LINES = 100_000;

    @Test
    void aLargeChunkedNdjsonImportIsStreamedToTheServiceNotBufferedWhole() throws Exception {
        String requestId = "bulk-" + UUID.randomUUID();
        String upstream = ConfigProvider.getConfig().getValue("consort.gateway.upstreams.recruitment.url", String.class);
        NdjsonBody body = new NdjsonBody(LINES, upstream, requestId);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/prospects/bulk"))
                .header("Content-Type", "application/x-ndjson")
                .header("X-Request-Id", requestId)
                .header("Authorization", Edge.bearer())
                .timeout(Duration.ofSeconds(60))
                // Unknown length, so the JDK client sends it chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(body.sawUpstreamReceiveBeforeEnd, "the service received data while the client was still sending");
        JsonPath echo = JsonPath.from(response.body());
        assertEquals(body.length, echo.getLong("bodyLength"));
        assertEquals(HexFormat.of().formatHex(body.sha.digest()), echo.getString("bodySha256"));
        assertEquals(Edge.bearer(), echo.getString("headers.authorization[0]"));
    }

    @Test
    void aLargeBodyOfKnownLengthPassesIntact() {
        byte[] payload = new byte[12 * 1024 * 1024];
        new java.util.Random(7).nextBytes(payload);
        JsonPath echo = signedIn().contentType("application/octet-stream").body(payload)
                .post("/api/v1/partners/bulk").then().statusCode(200).extract().jsonPath();
        assertEquals(payload.length, echo.getLong("bodyLength"));
        assertEquals(String.valueOf(payload.length), echo.getString("headers.content-length[0]"));
        assertEquals(Digests.sha256(payload), echo.getString("bodySha256"));
    }

    @Test
    void aLargeAnswerStreamsBackToTheClient() {
        long size = 16L * 1024 * 1024;
        byte[] answer = signedIn().get("/api/v1/dashboards/large?bytes=" + size).then()
                .statusCode(200).header("Transfer-Encoding", "chunked").extract().asByteArray();
        assertEquals(size, answer.length);
        assertArrayEquals(new byte[16], java.util.Arrays.copyOfRange(answer, answer.length - 16, answer.length));
    }

    /**
     * NDJSON generated on the fly. After the first megabyte it waits until the service reports having received
     * bytes: if the gateway buffered the whole body before forwarding, that never happens and the test fails.
     */
    private static final class NdjsonBody extends InputStream {
        private final int lines;
        private final String upstream;
        private final String requestId;
        final MessageDigest sha;
        long length;
        boolean sawUpstreamReceiveBeforeEnd;
        private int line;
        private byte[] current = new byte[0];
        private int pos;

        NdjsonBody(int lines, String upstream, String requestId) throws Exception {
            this.lines = lines;
            this.upstream = upstream;
            this.requestId = requestId;
            this.sha = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == current.length) {
                if (line == lines) {
                    return -1;
                }
                if (!sawUpstreamReceiveBeforeEnd && length > 1024 * 1024) {
                    awaitUpstreamReceiving();
                }
                line++;
                current = ("{\"line\":" + line + ",\"externalId\":\"crm-" + line + "\",\"name\":\"Prospect " + line
                        + "\",\"country\":\"DE\",\"segment\":\"MID_MARKET\"}\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            sha.update(current, pos, n);
            pos += n;
            length += n;
            return n;
        }

        private void awaitUpstreamReceiving() throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                String received = signedIn().baseUri(upstream).get("/_control/received/" + requestId).asString();
                if (Long.parseLong(received) > 0) {
                    sawUpstreamReceiveBeforeEnd = true;
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            throw new IOException("the service received nothing while the client had sent " + length + " bytes");
        }
    }
}
