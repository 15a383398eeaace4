package io.consort.journey;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for what events bring about elsewhere in the suite, by asking the API until it shows. */
final class Await {

    private Await() {
    }

    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                Optional<T> seen = probe.get();
                if (seen.isPresent()) {
                    return seen.get();
                }
            } catch (Api.UnexpectedAnswer e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + timeout.toSeconds() + " s for " + what
                        + (last == null ? "" : "; last answer: " + last.getMessage()), last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
