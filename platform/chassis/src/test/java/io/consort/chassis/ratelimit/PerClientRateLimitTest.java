package io.consort.chassis.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Recruitment's and campaign's public limits, on a clock of the test's own. */
class PerClientRateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        PerClientRateLimit limit = new PerClientRateLimit(3, 6, 100, now::get); // one token every 10 s
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.tryAcquire("198.51.100.1"), "request " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(10)), limit.tryAcquire("198.51.100.1"));

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertEquals(Optional.of(Duration.ofSeconds(6)), limit.tryAcquire("198.51.100.1"));

        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals(Optional.empty(), limit.tryAcquire("198.51.100.1"));
        assertTrue(limit.tryAcquire("198.51.100.1").isPresent());
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        PerClientRateLimit limit = new PerClientRateLimit(1, 1, 100, now::get);
        assertEquals(Optional.empty(), limit.tryAcquire("198.51.100.1"));
        assertTrue(limit.tryAcquire("198.51.100.1").isPresent());
        assertEquals(Optional.empty(), limit.tryAcquire("198.51.100.2"));
    }

    @Test
    void theBucketNeverHoldsMoreThanItsCapacity() {
        PerClientRateLimit limit = new PerClientRateLimit(2, 60, 100, now::get);
        limit.tryAcquire("c");
        now.addAndGet(Duration.ofSeconds(30).toNanos()); // idle, but not long enough to be forgotten
        assertEquals(Optional.empty(), limit.tryAcquire("c"));
        assertEquals(Optional.empty(), limit.tryAcquire("c"));
        assertTrue(limit.tryAcquire("c").isPresent());
    }

    @Test
    void clientsIdleLongEnoughToBeFullAgainAreForgotten() {
        PerClientRateLimit limit = new PerClientRateLimit(2, 60, 100, now::get); // full again after 2 s
        limit.tryAcquire("a");
        limit.tryAcquire("b");
        limit.tryAcquire("c");
        assertEquals(3, limit.trackedClients());
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        limit.tryAcquire("d");
        assertEquals(1, limit.trackedClients());
    }

    @Test
    void aFloodOfBusyClientsCannotGrowTheTableWithoutBound() {
        PerClientRateLimit limit = new PerClientRateLimit(2, 1, 10, now::get);
        for (int i = 0; i < 1_000; i++) {
            limit.tryAcquire("203.0.113." + i);
        }
        assertTrue(limit.trackedClients() <= 10, "tracked " + limit.trackedClients());
    }

    @Test
    void aLimitNeedsAPositiveCapacityAndRate() {
        assertThrows(IllegalArgumentException.class, () -> new PerClientRateLimit(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new PerClientRateLimit(10, 0));
    }
}
