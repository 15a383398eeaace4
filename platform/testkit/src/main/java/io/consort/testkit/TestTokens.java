package io.consort.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real signed bearer tokens shaped like realm {@code prm}'s (issuer, audience {@code consort-api},
 * {@code realm_access.roles}, {@code partner_id}), for {@code @QuarkusTest}s that must exercise the
 * actual OIDC verification (audience, expiry, signature) without a Keycloak. {@link
 * ConsortInfrastructure} makes the app trust {@link #publicKey()} and {@link #ISSUER}. Built and signed
 * (RS256, key id {@code consort-test}) with SmallRye JWT Build. The key pair
 * exists only for tests; nothing outside a test run trusts it.
 */
public final class TestTokens {

    public static final String ISSUER = "https://consort.test/realms/prm";
    public static final String AUDIENCE = "consort-api";

    private final List<String> roles = new ArrayList<>();
    private String username = "tester";
    private String audience = AUDIENCE;
    private UUID partnerId;
    private Instant expiresAt = Instant.now().plusSeconds(300);
    private PrivateKey key;

    private TestTokens() {
    }

    /** A token for a user with these realm roles. */
    public static TestTokens user(String username, String... roles) {
        TestTokens token = new TestTokens();
        token.username = username;
        token.roles.addAll(List.of(roles));
        return token;
    }

    public TestTokens partner(UUID partnerId) {
        this.partnerId = partnerId;
        return this;
    }

    public TestTokens audience(String audience) {
        this.audience = audience;
        return this;
    }

    public TestTokens expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    /** Signed by a key nobody trusts: the app must refuse it. */
    public TestTokens signedByStranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.key = generator.generateKeyPair().getPrivate();
            return this;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign() {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .audience(audience)
                .claim("azp", "consort-portal")
                .preferredUserName(username)
                .issuedAt(now.minusSeconds(5))
                .expiresAt(expiresAt)
                .claim("realm_access", Map.of("roles", List.copyOf(roles)));
        if (partnerId != null) {
            claims.claim("partner_id", partnerId.toString());
        }
        try {
            return claims.jws().keyId("consort-test").sign(key != null ? key : trustedKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half (X.509 SubjectPublicKeyInfo, base64) for {@code quarkus.oidc.public-key}. */
    public static String publicKey() {
        return new String(resource("token-signing-public.txt"), StandardCharsets.US_ASCII).trim();
    }

    private static PrivateKey trustedKey() throws GeneralSecurityException {
        String pem = new String(resource("token-signing-private.pem"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static byte[] resource(String name) {
        try (InputStream in = TestTokens.class.getResourceAsStream("/consort-testkit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing testkit resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
