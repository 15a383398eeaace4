package io.consort.chassis.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The relay's settings, {@code consort.outbox.*} (chassis README, "Outbox").
 */
@ConfigMapping(prefix = "consort.outbox")
public interface OutboxRelayConfig {

    Relay relay();

    /** Events per round (at least one row). */
    @WithDefault("500")
    int batchSize();

    /** Fallback poll when no notification arrives. */
    @WithDefault("1s")
    Duration pollInterval();

    Retry retry();

    /** How often a standby instance tries for the relay lock. */
    @WithDefault("5s")
    Duration standbyInterval();

    /** How long sent rows are kept before the purge deletes them. */
    @WithDefault("168h")
    Duration retention();

    @WithDefault("1h")
    Duration purgeInterval();

    /**
     * Overrides of the relay producer's Kafka settings, {@code consort.outbox.producer."<kafka key>"} (the key
     * quoted, since it has dots); {@link OutboxPublisher} applies them.
     */
    Map<String, String> producer();

    interface Relay {
        /** Run the relay in this process ({@code false} where Debezium publishes the outbox). */
        @WithDefault("true")
        boolean enabled();
    }

    /** Back-off after a failed round: exponential and jittered, between these. */
    interface Retry {
        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();
    }
}
