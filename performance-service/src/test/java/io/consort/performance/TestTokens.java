package io.consort.performance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Bearer tokens shaped like the realm's (issuer, audience, {@code realm_access.roles},
 * {@code partner_id}), signed RS256 with the test key whose public half {@code %test} OIDC trusts.
 */
final class TestTokens {

    static final String ISSUER = "https://consort.test/realms/prm";

    private TestTokens() {
    }

    static String token(String audience, String role, Instant expiresAt) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"aud\":\"" + audience
                + "\",\"preferred_username\":\"manager\",\"iat\":" + now.minusSeconds(5).getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}";
        String signingInput = base64(header) + "." + base64(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() throws java.security.GeneralSecurityException {
        try (InputStream in = TestTokens.class.getResourceAsStream("/test-oidc-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
