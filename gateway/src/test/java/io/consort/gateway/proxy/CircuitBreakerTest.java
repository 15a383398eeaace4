package io.consort.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.gateway.proxy.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The gateway's use of Resilience4j: what counts as failed and slow, and what an open circuit tells the client. */
class CircuitBreakerTest {

    private static final long FAST = Duration.ofMillis(20).toNanos();
    private static final long SLOW = Duration.ofSeconds(3).toNanos();

    private final MutableClock clock = new MutableClock();
    // A 10 s window, judged from 4 calls on: opens at 50 % failed or 75 % slow (> 2 s); open 10 s; 1 trial.
    private final CircuitBreaker breaker = new CircuitBreaker("test",
            new CircuitBreaker.Settings(Duration.ofSeconds(10), 4, 50, Duration.ofSeconds(2), 75, Duration.ofSeconds(10), 1), clock);

    @Test
    void opensOnTheFailureRateOverTheWindowNotOnConsecutiveFailures() {
        answer(200, FAST);
        fail(1);
        answer(200, FAST);
        assertEquals(State.CLOSED, breaker.state(), "3 calls are fewer than the minimum");
        fail(1);
        assertEquals(State.OPEN, breaker.state(), "2 of 4 failed: 50 %");
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void fiveHundredsCountAsFailuresAndFourHundredsDoNot() {
        answer(404, FAST);
        answer(422, FAST);
        answer(500, FAST);
        answer(409, FAST);
        assertEquals(State.CLOSED, breaker.state(), "1 of 4");
        answer(503, FAST);
        answer(502, FAST);
        assertEquals(State.OPEN, breaker.state(), "3 of 6");
    }

    @Test
    void slowAnswersOpenItTooThoughEveryOneSucceeded() {
        answer(200, SLOW);
        answer(200, SLOW);
        answer(200, FAST);
        answer(200, SLOW);
        assertEquals(State.OPEN, breaker.state(), "3 of 4 slower than 2 s");
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        fail(3);
        clock.advance(Duration.ofSeconds(11));
        answer(200, FAST);
        fail(1);
        assertEquals(State.CLOSED, breaker.state(), "only 2 calls in the window");
    }

    @Test
    void retryAfterCountsDownTheOpenPeriodThenOneTrialDecides() {
        fail(4);
        assertEquals(10, breaker.retryAfterSeconds());
        clock.advance(Duration.ofMillis(6500));
        assertEquals(4, breaker.retryAfterSeconds());
        assertFalse(breaker.tryAcquire());
        clock.advance(Duration.ofMillis(3600));
        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire(), "the trial");
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        breaker.onFailure("refused", FAST);
        assertEquals(State.OPEN, breaker.state(), "a failed trial reopens it");
        assertEquals(10, breaker.retryAfterSeconds());
        clock.advance(Duration.ofMillis(10_001));
        assertTrue(breaker.tryAcquire());
        breaker.onAnswer(200, FAST);
        assertEquals(State.CLOSED, breaker.state(), "a good trial closes it");
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void anAbandonedTrialFreesTheSlotWithoutAVerdict() {
        fail(4);
        clock.advance(Duration.ofMillis(10_001));
        assertTrue(breaker.tryAcquire());
        breaker.onAbandoned();
        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire(), "the slot is free again");
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire() || breaker.state() == State.OPEN);
            breaker.onFailure("refused", FAST);
        }
    }

    private void answer(int status, long nanos) {
        assertTrue(breaker.tryAcquire());
        breaker.onAnswer(status, nanos);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
