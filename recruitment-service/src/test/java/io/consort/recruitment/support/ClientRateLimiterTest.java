package io.consort.recruitment.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Every public limit is read when the limiter is built, so a missing value stops the service at startup. */
class ClientRateLimiterTest {

    @Test
    void buildsWhenEveryLimitIsConfigured() {
        assertDoesNotThrow(() -> new ClientRateLimiter(config(everyLimit())));
    }

    @Test
    void refusesToBuildWhenALimitLacksAValue() {
        Map<String, String> properties = everyLimit();
        properties.remove(PublicLimit.PARTNER_DIRECTORY.configPrefix() + "refill-per-minute");
        NoSuchElementException refused = assertThrows(NoSuchElementException.class,
                () -> new ClientRateLimiter(config(properties)));
        assertTrue(refused.getMessage().contains("consort.recruitment.partner-directory.rate-limit.refill-per-minute"),
                refused.getMessage());
    }

    private static Map<String, String> everyLimit() {
        Map<String, String> properties = new HashMap<>();
        for (PublicLimit limit : PublicLimit.values()) {
            properties.put(limit.configPrefix() + "capacity", "10");
            properties.put(limit.configPrefix() + "refill-per-minute", "10");
        }
        return properties;
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
