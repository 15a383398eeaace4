package io.consort.chassis.testhttp;

import io.smallrye.jwt.build.Jwt;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Real signed access tokens for the OIDC tests (the app trusts the public half of http-test/'s key). */
final class TestTokens {

    static final String ISSUER = "https://consort.test/realms/prm";

    private TestTokens() {
    }

    static String valid(String role) throws Exception {
        return sign(role, key());
    }

    static String signedByStranger() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return sign("prm-admin", g.generateKeyPair().getPrivate());
    }

    private static String sign(String role, PrivateKey key) {
        return Jwt.issuer(ISSUER)
                .subject("user-1")
                .claim("preferred_username", "tester")
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(300)
                .jws().keyId("test")
                .sign(key);
    }

    private static PrivateKey key() throws Exception {
        try (InputStream in = TestTokens.class.getResourceAsStream("/http-test/token-signing-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }
}
