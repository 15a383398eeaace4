package io.consort.recruitment.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public endpoint whose calls {@link ClientRateLimiter} counts per client address, against the
 * limit {@link #value()}. Endpoints naming the same limit share one bucket per client.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimitedPerClient {

    /** Which limit counts the calls. */
    PublicLimit value();
}
