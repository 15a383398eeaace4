package io.consort.chassis.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "consort.idempotency")
public interface IdempotencyConfig {

    /** Whether POSTs carrying {@code Idempotency-Key} are deduplicated at all. */
    @WithDefault("true")
    boolean enabled();

    /** How long a stored answer is replayed; after that the key may be used afresh. */
    @WithDefault("PT24H")
    Duration ttl();

    /**
     * How long a PENDING key blocks retries (409) before a retry may take it over. Taking over is safe
     * whatever the value (the slow first execution can then no longer complete and rolls back), so
     * this only trades retry latency against wasted work.
     */
    @WithDefault("PT60S")
    Duration pendingTimeout();

    /** Transaction timeout for an idempotent request (its effect and its stored answer). */
    @WithDefault("PT60S")
    Duration transactionTimeout();

    /** How often expired keys are deleted. */
    @WithDefault("PT1H")
    Duration purgeInterval();

    /** Answers bigger than this are not stored: the key is released instead (a retry runs again). */
    @WithDefault("1048576")
    int maxStoredBodyBytes();
}
