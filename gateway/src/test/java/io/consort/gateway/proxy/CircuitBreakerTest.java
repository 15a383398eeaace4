package io.consort.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.gateway.proxy.CircuitBreaker.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensOnlyAfterTheThresholdOfConsecutiveFailures() {
        fail(2);
        breaker.onSuccess();
        fail(2);
        assertEquals(State.CLOSED, breaker.state());
        fail(1);
        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void retryAfterCountsDownTheOpenPeriodInWholeSeconds() {
        fail(3);
        assertEquals(10, breaker.retryAfterSeconds());
        now.addAndGet(Duration.ofMillis(8500).toNanos());
        assertEquals(2, breaker.retryAfterSeconds());
    }

    @Test
    void letsExactlyOneTrialThroughAfterTheOpenPeriod() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "a second caller waits for the trial's verdict");
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedTrialReopensForAFullPeriod() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertEquals(10, breaker.retryAfterSeconds());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void anAbandonedTrialFreesTheSlotForTheNextCaller() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.onAbandoned();
        assertTrue(breaker.tryAcquire());
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }
}
