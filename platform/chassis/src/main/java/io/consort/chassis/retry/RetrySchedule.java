package io.consort.chassis.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after failures in a row: {@code initial} after the first, doubling with every further
 * one up to {@code max}, less up to a fifth at random so that instances (or the rows queued during an
 * outage) do not all retry in the same instant. Never later than {@code max}: whatever is retried is
 * retried at least every {@code max}, for as long as it takes.
 */
public record RetrySchedule(Duration initial, Duration max) {

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay after the {@code failures}-th failure in a row (1 for the first). */
    public Duration delayAfter(int failures) {
        Duration base = ceiling(failures);
        long jitter = (long) (base.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
        return base.minusMillis(jitter);
    }

    /** The delay after {@code failures} failures before the random part is taken off. */
    public Duration ceiling(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** A counter of failures in a row for a loop that retries on its own thread. */
    public Run run() {
        return new Run(this);
    }

    /** Failures in a row, for one retrying loop (not thread-safe: one loop, one thread). */
    public static final class Run {
        private final RetrySchedule schedule;
        private int failures;

        private Run(RetrySchedule schedule) {
            this.schedule = schedule;
        }

        /** Counts a failure and answers how long to wait before the next try. */
        public Duration failed() {
            return schedule.delayAfter(++failures);
        }

        /** A success: the next failure waits {@code initial} again. */
        public void succeeded() {
            failures = 0;
        }
    }
}
