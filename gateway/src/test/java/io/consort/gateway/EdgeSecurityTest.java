package io.consort.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.consort.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** Issue 16, edge security: only valid realm tokens (and the public paths) pass; a refusal never reaches a service. */
@QuarkusTest
class EdgeSecurityTest {

    private static final String CHALLENGE = "Bearer realm=\"consort\"";

    @Test
    void aProtectedPathWithoutATokenIsA401ProblemWithAChallengeAndIsNotForwarded() {
        String flaky = upstream("flaky");
        int before = hits(flaky);
        given().get("/api/v1/test-flaky/x").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", CHALLENGE)
                .body("type", equalTo("https://consort.io/problems/unauthorized"))
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer " + TestTokens.user("late", "channel-manager")
                .expiresAt(Instant.now().minusSeconds(120)).sign()).get("/api/v1/test-flaky/x").then().statusCode(401);
        assertEquals(before, hits(flaky), "a refused call never reaches the service");
    }

    @Test
    void anExpiredTokenIsRefusedAsAnInvalidToken() {
        String token = TestTokens.user("late", "channel-manager").expiresAt(Instant.now().minusSeconds(120)).sign();
        refused(token, "The token has expired.");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(TestTokens.user("other", "channel-manager").audience("another-api").sign(), "The token is not meant for this API.");
    }

    @Test
    void aTokenSignedByAStrangerIsRefused() {
        refused(TestTokens.user("mallory", "prm-admin").signedByStranger().sign(), "The token's signature is not valid.");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws JoseException, InterruptedException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("other-" + UUID.randomUUID());
        publish(key);
        // Past the minimum interval between key fetches (200 ms in tests): a test just before may have
        // fetched, and then the unknown kid would rightly not be fetched again yet.
        Thread.sleep(250);
        refused(sign(key, "https://elsewhere.example/realms/prm", "consort-api", 300), "The token was not issued by this realm.");
    }

    @Test
    void garbageAndOtherSchemesAreRefused() {
        refused("not-a-jwt", "The token is not a signed JWT.");
        given().header("Authorization", "Basic bWFuYWdlcjptYW5hZ2VyLXB3").get("/api/v1/programs").then()
                .statusCode(401)
                .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\", error_description=\"Only bearer tokens are accepted.\"");
    }

    @Test
    void aValidTokenPassesAndReachesTheServiceAsItCame() {
        Edge.signedIn().get("/api/v1/programs").then().statusCode(200)
                .body("upstream", equalTo("recruitment"))
                .body("headers.authorization[0]", equalTo(Edge.bearer()));
    }

    @Test
    void thePublicPathsPassWithoutAToken() {
        given().contentType("application/json").body("{}").post("/api/v1/applications").then().statusCode(200)
                .body("upstream", equalTo("recruitment"));
        given().contentType("application/json").body("{}").post("/api/v1/applications/" + UUID.randomUUID() + "/withdraw").then()
                .statusCode(200);
        given().get("/api/v1/partner-directory?region=EMEA").then().statusCode(200);
        given().get("/api/v1/partner-directory/" + UUID.randomUUID()).then().statusCode(200);
        given().redirects().follow(false).get("/t/AbC123").then().statusCode(200).body("upstream", equalTo("campaign"));
        given().contentType("application/json").body("{}").post("/api/v1/forms/" + UUID.randomUUID()).then().statusCode(200)
                .body("upstream", equalTo("campaign"));
        // Only those operations: reading applications or changing the directory needs a token.
        given().get("/api/v1/applications").then().statusCode(401);
        given().get("/api/v1/applications/" + UUID.randomUUID() + "/withdraw").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/partner-directory").then().statusCode(401);
        given().get("/api/v1/forms/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void aTokenSignedByARotatedKeyPassesOnceTheRealmPublishesIt() throws Exception {
        String keys = ConfigProvider.getConfig().getValue("consort.gateway.auth.jwks-url", String.class);
        RsaJsonWebKey rotated = RsaJwkGenerator.generateJwk(2048);
        rotated.setKeyId("rotated-" + UUID.randomUUID());
        String token = sign(rotated, TestTokens.ISSUER, TestTokens.AUDIENCE, 300);

        Edge.signedIn().get("/api/v1/programs").then().statusCode(200);
        Thread.sleep(250); // past the test profile's least refresh interval (200 ms)
        int fetches = fetches(keys);
        // Unknown key id: the keys are fetched again, and it is still unknown.
        refused(token, "The token is signed by a key this realm does not have.");
        assertEquals(fetches + 1, fetches(keys));
        // Known keys are cached: no fetch for a token they verify.
        for (int i = 0; i < 3; i++) {
            Edge.signedIn().get("/api/v1/programs").then().statusCode(200);
        }
        assertEquals(fetches + 1, fetches(keys));

        publish(rotated);
        Thread.sleep(250);
        given().header("Authorization", "Bearer " + token).get("/api/v1/programs").then().statusCode(200);
        assertEquals(fetches + 2, fetches(keys));
    }

    private static void refused(String token, String reason) {
        given().header("Authorization", "Bearer " + token).get("/api/v1/programs").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\", error_description=\"" + reason + "\"")
                .body("detail", equalTo(reason));
    }

    static String sign(RsaJsonWebKey key, String issuer, String audience, long secondsValid) throws JoseException {
        return io.consort.gateway.security.SignedTokens.sign(key, issuer, audience, UUID.randomUUID().toString(),
                System.currentTimeMillis() / 1000 + secondsValid);
    }

    private static void publish(RsaJsonWebKey key) {
        String keys = ConfigProvider.getConfig().getValue("consort.gateway.auth.jwks-url", String.class);
        given().baseUri(base(keys)).body(key.toJson()).post("/_control/keys").then().statusCode(204);
    }

    private static int fetches(String keys) {
        return Integer.parseInt(given().baseUri(base(keys)).get("/_control/fetches").then().statusCode(200).extract().asString());
    }

    private static String base(String url) {
        return url.substring(0, url.indexOf('/', "http://".length()));
    }

    private static String upstream(String name) {
        return ConfigProvider.getConfig().getValue("consort.gateway.upstreams." + name + ".url", String.class);
    }

    private static int hits(String flaky) {
        return Integer.parseInt(given().baseUri(flaky).get("/_control/hits").then().statusCode(200).extract().asString());
    }
}
