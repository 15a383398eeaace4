package io.consort.recruitment.user;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed Keycloak change again: {@code initial} after the first failure, doubling with
 * every further one up to {@code max}, less up to a fifth at random so the logins queued during an
 * outage do not all hit Keycloak again in the same second. Never later than {@code max}: a change
 * is retried for as long as it takes, at least every {@code max}.
 */
record RetrySchedule(Duration initial, Duration max) {

    RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay after the {@code failures}-th failure in a row (1 for the first). */
    Duration delayAfter(int failures) {
        Duration base = ceiling(failures);
        long jitter = (long) (base.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
        return base.minusMillis(jitter);
    }

    /** The delay after {@code failures} failures before the random part is taken off. */
    Duration ceiling(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
