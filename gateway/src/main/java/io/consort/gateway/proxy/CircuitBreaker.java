package io.consort.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One upstream's breaker: after {@code threshold} consecutive transport failures it opens and the gateway
 * answers 503 without calling the upstream; after {@code openDuration} it lets exactly one trial request
 * through (half-open); that trial's success closes it, its failure opens it again for another period.
 * Shared by all event loops, hence synchronized; the critical sections are a few field reads.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openDuration, LongSupplier nanoClock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openNanos = openDuration.toNanos();
        this.clock = nanoClock;
    }

    public CircuitBreaker(int threshold, Duration openDuration) {
        this(threshold, openDuration, System::nanoTime);
    }

    /** Whether a request may go to the upstream now; every permitted request must end in {@link #onSuccess()} or {@link #onFailure()}. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            case HALF_OPEN:
            default:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
    }

    /**
     * A permitted request that ended without telling anything about the upstream (the client went away):
     * frees the half-open trial slot without changing the verdict.
     */
    public synchronized void onAbandoned() {
        trialInFlight = false;
    }

    public synchronized State state() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Whole seconds until an open circuit lets a trial through, at least 1, for {@code Retry-After}. */
    public synchronized long retryAfterSeconds() {
        long remaining = openNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }
}
