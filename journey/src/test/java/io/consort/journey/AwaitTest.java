package io.consort.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void looksAgainAfterShortThenGrowingPausesUntilItShows() {
        List<Long> looks = new ArrayList<>();
        long start = System.nanoTime();
        String seen = Await.until("the sixth look", Duration.ofSeconds(10), () -> {
            looks.add((System.nanoTime() - start) / 1_000_000);
            return looks.size() == 6 ? Optional.of("there") : Optional.empty();
        });
        assertEquals("there", seen);
        assertTrue(looks.get(1) - looks.get(0) < 150, "the second look follows a short pause (20 ms), not 200 ms: " + looks);
        // Then the pauses grow (20, 31, 47, 71, 107 ms): the sixth look comes at least ~276 ms after the first.
        assertTrue(looks.get(5) - looks.get(0) >= 270, "backed off: " + looks);
    }

    @Test
    void givesUpAtTheDeadlineWithTheLastAnswer() {
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Await.until("nothing", Duration.ofMillis(600), Optional::empty));
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().startsWith("waited 0 s for nothing"), e.getMessage());
        assertTrue(took >= 600 && took < 1500, "stops at the deadline, not a pause past it: " + took + " ms");
    }

    @Test
    void readsATokensExpiryWithoutVerifyingIt() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"exp\":1893456000,\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1893456000L, Keycloak.expiry("eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln"));
        assertEquals(0L, Keycloak.expiry("not-a-jwt"));
    }
}
