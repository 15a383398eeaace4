package io.consort.journey;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for what events bring about elsewhere in the suite, by asking the API until it shows. The first look is
 * immediate and the pauses between looks grow from {@link #FIRST_PAUSE} to {@link #LONGEST_PAUSE}: an event
 * that lands within a few tens of milliseconds (most do on an idle suite) is seen at once, while one that takes
 * seconds costs a look every {@code LONGEST_PAUSE}, not a flood of them.
 */
final class Await {

    static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(400);

    /** Told of every wait that ended: what, how long in nanoseconds, how many looks (the demo data's {@link Timings}). */
    static volatile Observer observer;

    interface Observer {
        void waited(String what, long nanos, int looks);
    }

    private Await() {
    }

    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        long pause = FIRST_PAUSE.toMillis();
        RuntimeException last = null;
        int looks = 0;
        while (true) {
            try {
                looks++;
                Optional<T> seen = probe.get();
                if (seen.isPresent()) {
                    Observer o = observer;
                    if (o != null) {
                        o.waited(what, System.nanoTime() - began, looks);
                    }
                    return seen.get();
                }
            } catch (Api.UnexpectedAnswer e) {
                last = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("waited " + timeout.toSeconds() + " s for " + what
                        + (last == null ? "" : "; last answer: " + last.getMessage()), last);
            }
            try {
                // Never past the deadline by more than a look: the last look comes at the deadline.
                Thread.sleep(Math.max(1, Math.min(pause, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
            pause = Math.min(LONGEST_PAUSE.toMillis(), pause * 3 / 2 + 1);
        }
    }
}
