package io.consort.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One upstream's breaker, Resilience4j's: it opens when, over a sliding window of the last {@code window} of
 * time (and once at least {@code minimumCalls} calls were seen), the share of failed calls or the share of slow
 * calls reaches its threshold, as Envoy's outlier detection ejects a host. A failure is a transport failure
 * (refused, timed out, not HTTP) or a 5xx answer; a slow call is one whose answer took longer than
 * {@code slowCallDuration}. Open, the gateway answers 503 without calling the upstream for {@code openDuration};
 * then {@code halfOpenCalls} trial calls go through, and their outcome closes or reopens it.
 * This class only adapts it to the gateway: outcomes in, {@code Retry-After} out.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** The breaker's knobs, as configured per gateway (see {@code GatewayConfig.CircuitBreakerConfig}). */
    public record Settings(Duration window, int minimumCalls, float failureRatePercent, Duration slowCallDuration,
            float slowCallRatePercent, Duration openDuration, int halfOpenCalls) {
    }

    /** What the breaker records as a failed call. */
    static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure(String kind) {
            super(kind, null, false, false);
        }
    }

    private final io.github.resilience4j.circuitbreaker.CircuitBreaker delegate;
    private final Duration openDuration;
    private final Clock clock;
    private volatile Instant openedAt = Instant.EPOCH;
    /**
     * Whether the delegate was open when this adapter last looked, to notice it opening. Not by an event consumer:
     * with any consumer registered, Resilience4j builds an event (with a {@code ZonedDateTime.now()}) for every call's
     * outcome, which the gateway paid on every proxied request. The breaker opens only in an outcome call ({@code onError},
     * or {@code onSuccess} for a slow call) and turns half-open only in {@code tryAcquirePermission}; each is
     * followed by {@link #observe}.
     */
    private volatile boolean seenOpen;

    public CircuitBreaker(String name, Settings settings, Clock clock) {
        this.openDuration = settings.openDuration();
        this.clock = clock;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow((int) Math.max(1, settings.window().toSeconds()), settings.minimumCalls(), SlidingWindowType.TIME_BASED)
                .failureRateThreshold(settings.failureRatePercent())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .slowCallRateThreshold(settings.slowCallRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // Half-open on the first request after the wait, not by a timer thread.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock)
                .build();
        this.delegate = io.github.resilience4j.circuitbreaker.CircuitBreaker.of(name, config);
    }

    public CircuitBreaker(String name, Settings settings) {
        this(name, settings, Clock.systemUTC());
    }

    /** Whether a request may go to the upstream now; every permitted one must end in exactly one outcome call. */
    public boolean tryAcquire() {
        boolean permitted = delegate.tryAcquirePermission();
        if (permitted && seenOpen) {
            // Let through while seen open: the wait is over and this is a trial. Noted before the trial's outcome
            // can reopen the breaker, so that reopening is seen as a new opening.
            observe(false);
        }
        observe(delegateOpen());
        return permitted;
    }

    /** The upstream answered, after {@code nanos}; a 5xx counts as a failure, any other status as a success. */
    public void onAnswer(int status, long nanos) {
        if (status >= 500) {
            delegate.onError(nanos, TimeUnit.NANOSECONDS, new UpstreamFailure("status " + status));
        } else {
            delegate.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
        observe(delegateOpen());
    }

    /** The upstream could not be used (refused, timed out, answered with something that is not HTTP). */
    public void onFailure(String kind, long nanos) {
        delegate.onError(nanos, TimeUnit.NANOSECONDS, new UpstreamFailure(kind));
        observe(delegateOpen());
    }

    /** A permitted request that ended without telling anything about the upstream (the client went away). */
    public void onAbandoned() {
        delegate.releasePermission();
    }

    /** Notes whether the delegate is open; turning open starts the period {@code Retry-After} counts down. */
    private void observe(boolean open) {
        if (open == seenOpen) {
            return;
        }
        synchronized (this) {
            if (open != seenOpen) {
                if (open) {
                    openedAt = clock.instant();
                }
                seenOpen = open;
            }
        }
    }

    private boolean delegateOpen() {
        return switch (delegate.getState()) {
            case OPEN, FORCED_OPEN -> true;
            default -> false;
        };
    }

    public State state() {
        return switch (delegate.getState()) {
            case OPEN, FORCED_OPEN -> clock.instant().isBefore(openedAt.plus(openDuration)) ? State.OPEN : State.HALF_OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            default -> State.CLOSED;
        };
    }

    /** Whole seconds until an open circuit lets a trial through, at least 1, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        long remainingMillis = Duration.between(clock.instant(), openedAt.plus(openDuration)).toMillis();
        return Math.max(1, (remainingMillis + 999) / 1000);
    }

    /** Failure and slow-call rates over the window, for the readiness data. */
    public String describe() {
        var metrics = delegate.getMetrics();
        return state() + " (failure rate " + rate(metrics.getFailureRate()) + ", slow " + rate(metrics.getSlowCallRate()) + ")";
    }

    private static String rate(float percent) {
        return percent < 0 ? "n/a" : Math.round(percent) + "%";
    }
}
