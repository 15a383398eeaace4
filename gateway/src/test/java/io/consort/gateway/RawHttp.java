package io.consort.gateway;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request written byte for byte to the gateway under test, for what HTTP clients will not send. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code head} alone and reads until the gateway closes. */
    static String exchange(String head) throws IOException {
        return exchange(head, 0);
    }

    /** Sends the head and {@code chunkedBytes} of chunked body (no final chunk), then reads until the gateway closes. */
    static String exchange(String head, int chunkedBytes) throws IOException {
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
