package io.consort.recruitment.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public endpoint whose calls {@link ClientRateLimiter} counts per client address, against the
 * limit named by {@link #value()}: {@code consort.recruitment.<name>.rate-limit.capacity} and
 * {@code ...refill-per-minute}. Endpoints naming the same limit share one bucket per client.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimitedPerClient {

    /** The limit's name in the configuration, e.g. {@code applications}. */
    String value();
}
