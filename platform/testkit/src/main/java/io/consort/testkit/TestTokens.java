package io.consort.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Real signed bearer tokens shaped like realm {@code prm}'s (issuer, audience {@code consort-api},
 * {@code realm_access.roles}, {@code partner_id}), for {@code @QuarkusTest}s that must exercise the
 * actual OIDC verification (audience, expiry, signature) without a Keycloak. {@link
 * ConsortInfrastructure} makes the app trust {@link #publicKey()} and {@link #ISSUER}. The key pair
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
        StringBuilder claims = new StringBuilder()
                .append("{\"iss\":\"").append(ISSUER)
                .append("\",\"sub\":\"").append(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)))
                .append("\",\"aud\":\"").append(audience)
                .append("\",\"azp\":\"consort-portal\",\"preferred_username\":\"").append(username)
                .append("\",\"iat\":").append(now.minusSeconds(5).getEpochSecond())
                .append(",\"exp\":").append(expiresAt.getEpochSecond())
                .append(",\"realm_access\":{\"roles\":[");
        for (int i = 0; i < roles.size(); i++) {
            claims.append(i == 0 ? "" : ",").append('"').append(roles.get(i)).append('"');
        }
        claims.append("]}");
        if (partnerId != null) {
            claims.append(",\"partner_id\":\"").append(partnerId).append('"');
        }
        claims.append('}');
        String signingInput = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"consort-test\"}") + "." + base64(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key != null ? key : trustedKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
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

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
