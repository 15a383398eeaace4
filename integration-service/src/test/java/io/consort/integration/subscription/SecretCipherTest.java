package io.consort.integration.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.integration.delivery.StandardWebhooks;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
        31, 32});
    final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void aSealedSecretOpensForItsSubscriptionAndHoldsNoTraceOfThePlainText() {
        UUID id = UUID.randomUUID();
        String secret = StandardWebhooks.newSecret();
        String stored = cipher.seal(secret, id);
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(secret.substring("whsec_".length())), stored);
        assertNotEquals(stored, cipher.seal(secret, id), "a fresh nonce each time");
        assertEquals(secret, cipher.open(stored, id));
    }

    @Test
    void anotherSubscriptionAnotherKeyOrAnAlteredValueDoesNotOpen() {
        UUID id = UUID.randomUUID();
        String stored = cipher.seal(StandardWebhooks.newSecret(), id);
        assertThrows(IllegalStateException.class, () -> cipher.open(stored, UUID.randomUUID()));
        byte[] otherKey = new byte[32];
        otherKey[0] = 9;
        SecretCipher other = new SecretCipher(Base64.getEncoder().encodeToString(otherKey));
        assertThrows(IllegalStateException.class, () -> other.open(stored, id));
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class,
                () -> cipher.open("v1:" + Base64.getEncoder().encodeToString(raw), id));
        assertThrows(IllegalStateException.class, () -> cipher.open("v1:AAAA", id));
        assertThrows(IllegalStateException.class, () -> cipher.open("something else", id));
    }

    @Test
    void aSecretStoredBeforeEncryptionIsReadAsItIs() {
        String plain = StandardWebhooks.newSecret();
        assertEquals(plain, cipher.open(plain, UUID.randomUUID()));
        assertTrue(SecretCipher.isPlain(plain));
        assertFalse(SecretCipher.isPlain(cipher.seal(plain, UUID.randomUUID())));
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher("not base64!"));
        assertThrows(IllegalArgumentException.class,
                () -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
