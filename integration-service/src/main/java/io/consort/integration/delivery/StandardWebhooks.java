package io.consort.integration.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signing scheme (https://www.standardwebhooks.com/, spec/standard-webhooks.md): a
 * secret is {@code whsec_} + base64 of random bytes; a message is signed as
 * {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>} with the base64-decoded key, and
 * several signatures (old and new secret during a rotation) are sent space-separated in one
 * {@code webhook-signature} header. Written here rather than taken from a library because the registry this
 * build uses serves no Java implementation of the spec; it is a few lines of JDK {@link Mac}, checked
 * against the spec's reference JavaScript library ({@code standardwebhooks} on npm) in the tests.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** 24 random bytes (192 bits), within the spec's 24 to 64. */
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** A new secret, {@code whsec_<base64>}. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} value: one {@code v1,<sig>} per secret, space-separated. */
    public static String signature(List<String> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
