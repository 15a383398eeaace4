package io.consort.gateway;

import io.consort.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.io.IOException;
import org.jose4j.jwk.RsaJsonWebKey;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP servers on free local ports standing in for the services, plus a few misbehaving ones. The
 * tests see what an upstream received through its answer (the echo servers describe the request they
 * got) or through {@code /_control/...} paths asked directly on the upstream's port, since this resource
 * and the tests live in different class loaders and share no objects.
 *
 * <p>Declared here once, so it applies to every {@code @QuarkusTest} of the module and Quarkus boots once.
 */
@QuarkusTestResource(UpstreamServers.class)
public class UpstreamServers implements QuarkusTestResourceLifecycleManager {

    /** How long the slow upstream waits before answering; longer than the test request timeout (1.5 s). */
    static final long SLOW_MILLIS = 4000;

    /** Past the test profile's slow-call duration (1 s), within its request timeout (1.5 s). */
    static final long SLUGGISH_MILLIS = 1150;

    /** The partner 360's sections: community answers this partner late, performance drops the connection. */
    static final String SLOW_PARTNER = "5e0e5e0e-0000-4000-8000-000000000510";
    /** Recruitment answers 404 for this partner, as for another partner's. */
    static final String HIDDEN_PARTNER = "5e0e5e0e-0000-4000-8000-000000000404";

    private Vertx vertx;
    private final Map<String, Long> receivedById = new ConcurrentHashMap<>();
    private final AtomicBoolean flakyHealthy = new AtomicBoolean(true);
    private final AtomicInteger flakyHits = new AtomicInteger();
    private final AtomicInteger staleConnections = new AtomicInteger();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final java.util.List<JsonObject> publishedKeys = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        // The services' HTTP codec limits (chassis), so a request within the suite's RequestHead reaches the echo.
        HttpServerOptions likeAService = new HttpServerOptions().setMaxInitialLineLength(65536).setMaxHeaderSize(65536);
        for (String service : new String[] {"recruitment", "community", "campaign", "performance"}) {
            int port = listen(vertx.createHttpServer(likeAService).requestHandler(req -> echo(service, req)));
            config.put("consort.gateway.upstreams." + service + ".url", "http://127.0.0.1:" + port);
        }
        int slow = listen(vertx.createHttpServer().requestHandler(req -> req.end().onSuccess(v ->
                vertx.setTimer(SLOW_MILLIS, t -> req.response().end("late")))));
        route(config, "slow", "http://127.0.0.1:" + slow, "/api/v1/test-slow");
        route(config, "dead", "http://127.0.0.1:" + freePort(), "/api/v1/test-dead");
        route(config, "broken", "http://127.0.0.1:" + listen(garbageServer()), "/api/v1/test-broken");
        route(config, "reopen", "http://127.0.0.1:" + listen(garbageServer()), "/api/v1/test-reopen");
        route(config, "flaky", "http://127.0.0.1:" + listen(vertx.createHttpServer().requestHandler(this::flaky)), "/api/v1/test-flaky");
        route(config, "stale", "http://127.0.0.1:" + listen(oneRequestPerConnection()), "/api/v1/test-stale");
        config.put("consort.gateway.auth.jwks-url", "http://127.0.0.1:" + listen(vertx.createHttpServer().requestHandler(this::keys))
                + "/realms/prm/protocol/openid-connect/certs");
        route(config, "erring", "http://127.0.0.1:" + listen(vertx.createHttpServer().requestHandler(req -> req.end().onSuccess(v ->
                req.response().setStatusCode(500).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":500,\"detail\":\"bug\"}")))), "/api/v1/test-erring");
        route(config, "sluggish", "http://127.0.0.1:" + listen(vertx.createHttpServer().requestHandler(req -> req.end().onSuccess(v ->
                vertx.setTimer(SLUGGISH_MILLIS, t -> req.response().end("eventually"))))), "/api/v1/test-sluggish");
        route(config, "limited", config.get("consort.gateway.upstreams.recruitment.url"), "/api/v1/test-limited");
        route(config, "early", "http://127.0.0.1:" + listen(answersBeforeTheBody()), "/api/v1/test-early");
        return config;
    }

    private static void route(Map<String, String> config, String name, String url, String prefix) {
        config.put("consort.gateway.upstreams." + name + ".url", url);
        config.put("consort.gateway.upstreams." + name + ".prefixes", prefix);
    }

    /**
     * The realm's key endpoint: the testkit's token key under its id {@code consort-test}, and whatever keys a test
     * publishes with {@code POST /_control/keys} (a JWK), as a realm does when it rotates; {@code /_control/fetches}
     * counts the fetches of the key set.
     */
    private void keys(HttpServerRequest req) {
        String path = req.path();
        if (path.equals("/_control/keys")) {
            req.body().onSuccess(body -> {
                publishedKeys.add(new JsonObject(body.toString()));
                req.response().setStatusCode(204).end();
            });
            return;
        }
        if (path.equals("/_control/fetches")) {
            req.response().end(String.valueOf(keyFetches.get()));
            return;
        }
        keyFetches.incrementAndGet();
        JsonArray keys = new JsonArray().add(testkitKey());
        publishedKeys.forEach(keys::add);
        req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("keys", keys).encode());
    }

    private static JsonObject testkitKey() {
        try {
            var spec = new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(TestTokens.publicKey()));
            var key = (java.security.interfaces.RSAPublicKey) java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
            RsaJsonWebKey jwk = new RsaJsonWebKey(key);
            jwk.setKeyId("consort-test");
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return new JsonObject(jwk.toJson());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Describes the request it received as JSON, or serves one of the special paths the tests use. */
    private void echo(String service, HttpServerRequest req) {
        String path = req.path();
        HttpServerResponse res = req.response();
        if (path.equals("/q/health/ready")) {
            res.putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            return;
        }
        if (path.equals("/q/openapi") && (service.equals("recruitment") || service.equals("community"))) {
            res.putHeader("Content-Type", "application/json").end(openApi(service).encode());
            return;
        }
        if (path.equals("/q/openapi") && service.equals("campaign")) {
            res.setStatusCode(404).end();
            return;
        }
        if (path.startsWith("/_control/received/")) {
            res.end(String.valueOf(receivedById.getOrDefault(path.substring("/_control/received/".length()), 0L)));
            return;
        }
        MessageDigest sha = sha256();
        long[] length = {0};
        String requestId = req.getHeader("X-Request-Id");
        req.handler(chunk -> {
            sha.update(chunk.getBytes());
            length[0] += chunk.length();
            if (requestId != null) {
                receivedById.put(requestId, length[0]);
            }
        });
        req.endHandler(v -> {
            if (req.uri().contains(SLOW_PARTNER) && service.equals("community")) {
                vertx.setTimer(2000, t -> res.putHeader("Content-Type", "application/json").end("{}"));
                return;
            }
            if (req.uri().contains(SLOW_PARTNER) && service.equals("performance")) {
                req.connection().close();
                return;
            }
            if (req.uri().contains(HIDDEN_PARTNER) && service.equals("recruitment")) {
                res.setStatusCode(404).putHeader("Content-Type", "application/problem+json").end("{\"status\":404}");
                return;
            }
            if (path.equals("/api/v1/admin/rebuild") && req.method() == io.vertx.core.http.HttpMethod.POST) {
                // As performance's rebuild answers: 202 and its own absolute address to follow it at.
                res.setStatusCode(202).putHeader("Location", "http://127.0.0.1:" + req.localAddress().port() + path);
            }
            if (path.endsWith("/created")) {
                res.setStatusCode(201)
                        .putHeader("Location", "http://127.0.0.1:" + req.localAddress().port() + "/api/v1/programs/42")
                        .end();
                return;
            }
            if (path.endsWith("/large")) {
                res.setChunked(true).putHeader("Content-Type", "application/octet-stream");
                writeFilled(res, Long.parseLong(req.getParam("bytes")));
                return;
            }
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                JsonArray values = headers.containsKey(name) ? headers.getJsonArray(name) : new JsonArray();
                headers.put(name, values.add(h.getValue()));
            });
            JsonObject description = new JsonObject()
                    .put("upstream", service)
                    .put("method", req.method().name())
                    .put("uri", req.uri())
                    .put("headers", headers)
                    .put("bodyLength", length[0])
                    .put("bodySha256", HexFormat.of().formatHex(sha.digest()));
            res.putHeader("Content-Type", "application/json")
                    // Both must be stopped at the gateway: one is hop-by-hop, the other is the edge's decision.
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("X-Request-Id", "upstream-must-not-override")
                    .putHeader("X-Upstream", service)
                    .end(description.encode());
        });
    }

    /**
     * A small document in the services' shape: both define {@code Problem} alike and {@code Member} differently;
     * recruitment also lists an admin path and a public operation.
     */
    private static JsonObject openApi(String service) {
        JsonObject problem = new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("status", new JsonObject().put("type", "integer")));
        JsonArray secured = new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray()));
        JsonObject errors = new JsonObject().put("404", new JsonObject().put("description", "Not found").put("content",
                new JsonObject().put("application/problem+json", new JsonObject().put("schema", ref("Problem")))));
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject().put("Problem", problem);
        if (service.equals("recruitment")) {
            paths.put("/api/v1/programs", new JsonObject().put("get", new JsonObject().put("operationId", "listPrograms")
                    .put("security", secured).put("responses", errors.copy().put("200", ok(ref("Member"))))));
            paths.put("/api/v1/applications", new JsonObject().put("post", new JsonObject().put("operationId", "submitApplication")
                    .put("security", new JsonArray()).put("responses", errors.copy())));
            paths.put("/api/v1/admin/outbox", new JsonObject().put("get", new JsonObject().put("operationId", "getOutbox")));
            schemas.put("Member", new JsonObject().put("type", "object").put("properties", new JsonObject()
                    .put("userId", new JsonObject().put("type", "string"))));
        } else {
            paths.put("/api/v1/members/{partnerId}", new JsonObject().put("get", new JsonObject().put("operationId", "getMember")
                    .put("security", secured).put("responses", errors.copy().put("200", ok(ref("Member"))))));
            schemas.put("Member", new JsonObject().put("type", "object").put("properties", new JsonObject()
                    .put("partnerId", new JsonObject().put("type", "string").put("format", "uuid"))
                    .put("problem", ref("Problem"))));
        }
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", new JsonObject()
                        .put("SecurityScheme", new JsonObject().put("type", "http").put("scheme", "bearer"))));
    }

    private static JsonObject ref(String schema) {
        return new JsonObject().put("$ref", "#/components/schemas/" + schema);
    }

    private static JsonObject ok(JsonObject schema) {
        return new JsonObject().put("description", "OK").put("content", new JsonObject().put("application/json",
                new JsonObject().put("schema", schema)));
    }

    /** Writes {@code remaining} bytes with back-pressure, as a service streaming a big export would. */
    private static void writeFilled(HttpServerResponse res, long remaining) {
        Buffer block = Buffer.buffer(new byte[64 * 1024]);
        while (remaining > 0 && !res.writeQueueFull()) {
            int n = (int) Math.min(block.length(), remaining);
            res.write(n == block.length() ? block : block.getBuffer(0, n));
            remaining -= n;
        }
        if (remaining == 0) {
            res.end();
        } else {
            long left = remaining;
            res.drainHandler(v -> writeFilled(res, left));
        }
    }

    /** When unhealthy, drops the connection without an answer; counts what reaches it through the gateway. */
    private void flaky(HttpServerRequest req) {
        String path = req.path();
        if (path.startsWith("/_control/healthy/")) {
            flakyHealthy.set(Boolean.parseBoolean(path.substring("/_control/healthy/".length())));
            req.response().end();
            return;
        }
        if (path.equals("/_control/hits")) {
            req.response().end(String.valueOf(flakyHits.get()));
            return;
        }
        flakyHits.incrementAndGet();
        if (flakyHealthy.get()) {
            req.response().end("fine");
        } else {
            req.connection().close();
        }
    }

    /**
     * Keeps every connection alive after answering its first request, then closes it, unanswered, when a
     * second request arrives on it: what a service does that dropped an idle kept-alive connection just as
     * the gateway sent on it. The gateway's readiness probes are answered on any connection and use none up.
     * {@code GET /_control/connections} (on a fresh connection) answers how many connections carried a request.
     */
    private NetServer oneRequestPerConnection() {
        return vertx.createNetServer().connectHandler(socket -> {
            Buffer[] received = {Buffer.buffer()};
            AtomicBoolean answered = new AtomicBoolean();
            socket.handler(data -> {
                received[0].appendBuffer(data);
                String text = received[0].toString(StandardCharsets.ISO_8859_1);
                if (!text.contains("\r\n\r\n")) {
                    return;
                }
                received[0] = Buffer.buffer();
                String body;
                if (text.startsWith("GET /q/")) {
                    // The gateway's own calls (readiness probe, API document) use no connection up either.
                    body = text.startsWith("GET /q/health/ready ") ? "{\"status\":\"UP\"}" : "{}";
                } else if (answered.getAndSet(true)) {
                    socket.close();
                    return;
                } else if (text.startsWith("GET /_control/connections ")) {
                    body = String.valueOf(staleConnections.get());
                } else {
                    staleConnections.incrementAndGet();
                    body = "fresh";
                }
                socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            });
        });
    }

    /**
     * Refuses every request as soon as its head has arrived, before reading any of its body, and closes the
     * connection: what a service does that rejects a request early (a 415 for the wrong media type, a 400 for a
     * malformed path) while the gateway is still sending the body. Closing with unread bytes makes the
     * operating system reset the connection, so the gateway's next write fails while the answer waits unread.
     */
    private NetServer answersBeforeTheBody() {
        return vertx.createNetServer().connectHandler(socket -> {
            Buffer[] received = {Buffer.buffer()};
            socket.handler(data -> {
                if (received[0] == null) {
                    return;
                }
                received[0].appendBuffer(data);
                String text = received[0].toString(StandardCharsets.ISO_8859_1);
                if (!text.contains("\r\n\r\n")) {
                    return;
                }
                received[0] = null;
                String body = text.startsWith("GET /q/health/ready ") ? "{\"status\":\"UP\"}"
                        : "{\"type\":\"https://consort.io/problems/unsupported-media-type\",\"status\":415,\"detail\":\"early\"}";
                socket.write("HTTP/1.1 " + (body.contains("415") ? "415 Unsupported Media Type" : "200 OK")
                        + "\r\nContent-Type: application/problem+json\r\nConnection: close\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).onComplete(v -> socket.close());
            });
        });
    }

    /** Answers every request with bytes that are not HTTP. */
    private NetServer garbageServer() {
        return vertx.createNetServer().connectHandler(socket -> socket.handler(data ->
                socket.write("THIS IS NOT HTTP\r\n\r\n").onComplete(v -> socket.close())));
    }

    private static int listen(HttpServer server) {
        return await(server.listen(0, "127.0.0.1")).actualPort();
    }

    private static int listen(NetServer server) {
        return await(server.listen(0, "127.0.0.1")).actualPort();
    }

    /** A port nobody listens on: the operating system's free port, released again. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test upstream did not start", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }
}
