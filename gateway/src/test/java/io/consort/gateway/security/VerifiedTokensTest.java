package io.consort.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge remembers tokens it verified, so a client's next call with the same token skips the signature check;
 * but a remembered token passes only until its own expiry, and only while the realm's keys are the ones it was
 * checked against. Plain JUnit: a Vert.x client and a JDK server publishing the keys, no Quarkus boot.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "https://consort.test/realms/prm";
    private static Vertx vertx;
    private static HttpServer realm;
    private static final AtomicReference<String> published = new AtomicReference<>();
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        client = vertx.createHttpClient();
        // A Vert.x server stands in for the realm: the JDK's com.sun.net.httpserver now and then answered a
        // reused connection with a bare 200 (a Date header, no length, no body), which made these tests flaky.
        realm = vertx.createHttpServer()
                .requestHandler(req -> req.response().putHeader("Content-Type", "application/json").end(published.get()))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static EdgeTokens edge(AtomicLong now) {
        return edge(now, Duration.ofSeconds(5));
    }

    private static EdgeTokens edge(AtomicLong now, Duration skew) {
        Jwks keys = new Jwks(vertx, client, "http://127.0.0.1:" + realm.actualPort() + "/certs", Duration.ZERO,
                Duration.ofHours(1), System::nanoTime);
        return new EdgeTokens(keys, ISSUER, "consort-api", skew, 16, () -> now.get() == 0 ? System.currentTimeMillis() / 1000 : now.get());
    }

    @Test
    void aTokenIsVerifiedOnceAndRememberedUntilItExpires() throws Exception {
        RsaJsonWebKey key = key("k1");
        publish(key);
        long exp = System.currentTimeMillis() / 1000 + 120;
        String token = sign(key, "alice", exp);
        AtomicLong now = new AtomicLong(System.currentTimeMillis() / 1000);
        EdgeTokens edge = edge(now);

        assertEquals("sub:alice", await(edge.verify(token)).key());
        assertEquals("sub:alice", await(edge.verify(token)).key());
        assertEquals("sub:alice", await(edge.verify(token)).key());
        assertEquals(1, edge.signatureChecks(), "the same token is checked once");
        assertEquals("sub:bob", await(edge.verify(sign(key, "bob", exp))).key());
        assertEquals(2, edge.signatureChecks(), "another token is checked on its own");

        // Past its expiry and the skew by the edge's clock: the remembered token is checked again, in full.
        now.set(exp + 6);
        await(edge.verify(token));
        assertEquals(3, edge.signatureChecks());
    }

    @Test
    void aRememberedTokenPastItsExpiryIsRefused() throws Exception {
        RsaJsonWebKey key = key("k2");
        publish(key);
        // The real clock, and no skew. The keys are fetched first, so the token's few seconds are not spent on that.
        EdgeTokens edge = edge(new AtomicLong(0), Duration.ZERO);
        await(edge.verify(sign(key, "warm-up", System.currentTimeMillis() / 1000 + 60)));
        long exp = System.currentTimeMillis() / 1000 + 5;
        String token = sign(key, "carol", exp);
        await(edge.verify(token));
        await(edge.verify(token));
        assertEquals(2, edge.signatureChecks());
        Thread.sleep(Math.max(0, (exp + 1) * 1000 - System.currentTimeMillis()));
        assertEquals("The token has expired.", refusal(edge.verify(token)));
    }

    @Test
    void aRememberedTokenIsCheckedAgainOnceTheRealmChangesItsKeys() throws Exception {
        RsaJsonWebKey old = key("old");
        publish(old);
        String token = sign(old, "dave", System.currentTimeMillis() / 1000 + 300);
        EdgeTokens edge = edge(new AtomicLong(System.currentTimeMillis() / 1000));
        await(edge.verify(token));
        await(edge.verify(token));
        assertEquals(1, edge.signatureChecks());

        // The realm drops the old key; the edge learns it (a token with a new kid makes it fetch the keys).
        RsaJsonWebKey rotated = key("new");
        publish(rotated);
        await(edge.verify(sign(rotated, "erin", System.currentTimeMillis() / 1000 + 300)));
        assertEquals("The token is signed by a key this realm does not have.", refusal(edge.verify(token)));
    }

    private static RsaJsonWebKey key(String kid) throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(kid + "-" + System.nanoTime());
        return key;
    }

    private static void publish(RsaJsonWebKey key) {
        published.set(new JsonWebKeySet(List.<JsonWebKey>of(key)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private static String sign(RsaJsonWebKey key, String subject, long expiresAt) throws Exception {
        return SignedTokens.sign(key, ISSUER, "consort-api", subject, expiresAt);
    }

    private static Caller await(Future<Caller> caller) throws Exception {
        return caller.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String refusal(Future<Caller> caller) throws Exception {
        try {
            caller.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assertInstanceOf(EdgeTokens.Refused.class, e.getCause());
            return e.getCause().getMessage();
        }
        assertTrue(false, "the token passed");
        return null;
    }
}
