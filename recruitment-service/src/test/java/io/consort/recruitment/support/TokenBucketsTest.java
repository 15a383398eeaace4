package io.consort.recruitment.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aClientGetsItsBurstThenWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(3, 6, 100, now::get); // one token every 10 s
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), buckets.tryAcquire("198.51.100.1"), "request " + i);
        }
        Optional<Duration> wait = buckets.tryAcquire("198.51.100.1");
        assertEquals(Optional.of(Duration.ofSeconds(10)), wait);

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertEquals(Optional.of(Duration.ofSeconds(6)), buckets.tryAcquire("198.51.100.1"));

        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertEquals(Optional.empty(), buckets.tryAcquire("198.51.100.1"));
        assertTrue(buckets.tryAcquire("198.51.100.1").isPresent());
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, now::get);
        assertEquals(Optional.empty(), buckets.tryAcquire("198.51.100.1"));
        assertTrue(buckets.tryAcquire("198.51.100.1").isPresent());
        assertEquals(Optional.empty(), buckets.tryAcquire("198.51.100.2"));
    }

    @Test
    void theBucketNeverHoldsMoreThanItsCapacity() {
        TokenBuckets buckets = new TokenBuckets(2, 60, 100, now::get);
        buckets.tryAcquire("c");
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertEquals(Optional.empty(), buckets.tryAcquire("c"));
        assertEquals(Optional.empty(), buckets.tryAcquire("c"));
        assertTrue(buckets.tryAcquire("c").isPresent());
    }

    @Test
    void idleClientsAreForgottenWhenTheTableIsFull() {
        TokenBuckets buckets = new TokenBuckets(2, 60, 3, now::get);
        buckets.tryAcquire("a");
        buckets.tryAcquire("b");
        buckets.tryAcquire("c");
        now.addAndGet(Duration.ofMinutes(1).toNanos()); // everyone is full again
        buckets.tryAcquire("d");
        assertEquals(1, buckets.trackedClients());
    }

    @Test
    void aFloodOfBusyClientsCannotGrowTheTableWithoutBound() {
        TokenBuckets buckets = new TokenBuckets(2, 1, 10, now::get);
        for (int i = 0; i < 1_000; i++) {
            buckets.tryAcquire("203.0.113." + i);
        }
        assertTrue(buckets.trackedClients() <= 10, "tracked " + buckets.trackedClients());
    }
}
