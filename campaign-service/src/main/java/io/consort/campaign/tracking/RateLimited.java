package io.consort.campaign.tracking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A public endpoint limited per client address by {@link PublicRateLimiter}, under the limit named. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    /** {@code consort.campaign.rate-limit.<value>.capacity} / {@code .refill-per-minute}. */
    String value();
}
