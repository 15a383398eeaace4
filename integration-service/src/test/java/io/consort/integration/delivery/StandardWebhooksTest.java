package io.consort.integration.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing per the Standard Webhooks spec; the delivery tests check it against the reference library too. */
class StandardWebhooksTest {

    @Test
    void signsTheSpecsExample() {
        // The example of the spec and its reference libraries' tests.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = StandardWebhooks.signature(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void signsWithEverySecretSpaceSeparated() {
        String a = StandardWebhooks.newSecret();
        String b = StandardWebhooks.newSecret();
        String both = StandardWebhooks.signature(List.of(a, b), "id", 1, "{}");
        String[] parts = both.split(" ");
        assertEquals(2, parts.length);
        assertEquals(StandardWebhooks.signature(List.of(a), "id", 1, "{}"), parts[0]);
        assertEquals(StandardWebhooks.signature(List.of(b), "id", 1, "{}"), parts[1]);
    }

    @Test
    void newSecretsAreWhsecWith24RandomBytes() {
        String secret = StandardWebhooks.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, StandardWebhooks.newSecret());
    }
}
