package io.consort.chassis.keepalive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.InetSocketAddressConverter;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Sequential requests on ONE kept-alive HTTP/1.1 connection each answer promptly. Every Consort service once
 * took exactly 5 s for about one request in 70 on such a connection (the request bytes sat in the server
 * socket while the event loop slept); a client that reuses connections (the gateway, a benchmark, curl with
 * several URLs) saw it, one connection per request never did. The cause was the chassis' trusted proxies,
 * {@code 127.0.0.1,::1}: Quarkus reads a bare {@code ::1} as host name {@code ":"} (port 1), and with a host name
 * among the trusted proxies its ForwardedProxyHandler resolves it (A and AAAA, through a new DNS client) before
 * every request; a lost DNS reply held the request for the resolver's 5 s query timeout.
 */
@QuarkusTest
class KeptAliveConnectionTest {

    private static final int REQUESTS = Integer.getInteger("keepalive.requests", 400);
    private static final long SLOW_MS = 1000;

    @TestHTTPResource("/")
    URI root;

    @Test
    void trustedProxiesAreAddressesSoNoRequestWaitsForDns() {
        List<String> proxies = ConfigProvider.getConfig()
                .getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class).orElse(List.of());
        assertTrue(!proxies.isEmpty(), "the chassis trusts the gateway on this host");
        for (String proxy : proxies) {
            // Quarkus' own reading (TrustedProxyCheckPartConverter): a CIDR, localhost, or an address[:port];
            // anything else is a host name looked up over DNS for every request.
            boolean address = proxy.matches(".+/\\d+") || proxy.equals("localhost")
                    || !new InetSocketAddressConverter().convert(proxy).isUnresolved();
            assertTrue(address, "trusted proxy '" + proxy + "' is read as a host name (an IPv6 address needs brackets)");
        }
    }

    @Test
    void everyRequestOnAKeptAliveConnectionAnswersWithinASecond() throws IOException {
        String[] paths = System.getProperty("keepalive.paths", "/q/health/live,/api/test/public/probe").split(",");
        // A first connection warms the paths up, so a cold first answer is not taken for a stall.
        exchange(paths, 20, Long.MAX_VALUE, new ArrayList<>());
        List<String> slow = new ArrayList<>();
        exchange(paths, REQUESTS, SLOW_MS, slow);
        assertTrue(slow.isEmpty(), "requests slower than " + SLOW_MS + " ms on one kept-alive connection: " + slow);
    }

    /** Sends {@code requests} sequential GETs on one connection, noting each slower than {@code slowMs}. */
    private void exchange(String[] paths, int requests, long slowMs, List<String> slow) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < requests; i++) {
                String path = paths[i % paths.length];
                long start = System.nanoTime();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                        + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int status = readResponse(in);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, status, path);
                if (ms > slowMs) {
                    slow.add("request " + i + " (" + path + "): " + ms + " ms");
                }
            }
        }
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // trailers are not used
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        if (in.readNBytes((int) n).length != n) {
            throw new IOException("connection closed inside a body");
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
