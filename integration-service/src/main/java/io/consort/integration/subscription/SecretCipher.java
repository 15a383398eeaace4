package io.consort.integration.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the signing secrets encrypted at rest: AES-256-GCM of the JDK with the key from
 * {@code consort.integration.secret-key} (base64 of 32 bytes; in the {@code prod} profile from
 * {@code PRM_WEBHOOKS_SECRET_KEY}, without which the service does not start). Stored as {@code v1:} + base64 of
 * a random 12-byte nonce and the ciphertext with its 16-byte tag; the subscription's id is the associated
 * data, so a stored secret copied onto another subscription does not decrypt. A value still in plain text
 * (a {@code whsec_} secret stored before encryption) is read as it is and sealed at the next start
 * ({@link SecretsAtRest}).
 */
@ApplicationScoped
public class SecretCipher {

    static final String SEALED = "v1:";
    private static final String PLAIN = "whsec_";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretCipher(@ConfigProperty(name = "consort.integration.secret-key") String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("consort.integration.secret-key is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("consort.integration.secret-key must be 32 bytes (base64 of 32 "
                    + "random bytes, e.g. `openssl rand -base64 32`), not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** The secret as stored for this subscription. */
    public String seal(String secret, UUID subscriptionId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(subscriptionId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The secret a stored value holds (a plain {@code whsec_} value as it is).
     *
     * @throws IllegalStateException if it was sealed with another key or for another subscription, or altered
     */
    public String open(String stored, UUID subscriptionId) {
        if (stored == null || stored.startsWith(PLAIN)) {
            return stored;
        }
        if (!stored.startsWith(SEALED)) {
            throw new IllegalStateException("the secret of subscription " + subscriptionId + " is in no known form");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            if (raw.length <= NONCE_BYTES) {
                throw new IllegalStateException("the secret of subscription " + subscriptionId + " is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(aad(subscriptionId));
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("the secret of subscription " + subscriptionId
                    + " does not decrypt with consort.integration.secret-key (another key, or altered)", e);
        }
    }

    /** Whether a stored value is still in plain text. */
    public static boolean isPlain(String stored) {
        return stored != null && !stored.startsWith(SEALED);
    }

    private static byte[] aad(UUID subscriptionId) {
        return subscriptionId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
