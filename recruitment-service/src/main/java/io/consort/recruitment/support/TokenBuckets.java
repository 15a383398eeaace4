package io.consort.recruitment.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key: {@code capacity} requests at once, refilled continuously at
 * {@code refillPerMinute}. In memory and per instance, which is what the small public endpoints need; the
 * gateway's limit sits in front of it.
 */
final class TokenBuckets {

    private final double capacity;
    private final double tokensPerNano;
    private final int maxClients;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int capacity, int refillPerMinute, int maxClients, LongSupplier nanoClock) {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalArgumentException("capacity and refill rate must be positive");
        }
        this.capacity = capacity;
        this.tokensPerNano = refillPerMinute / (double) Duration.ofMinutes(1).toNanos();
        this.maxClients = maxClients;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for {@code client}: empty when granted, else how long until one is available. */
    Optional<Duration> tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxClients) {
            evictIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        long waitNanos = bucket.take(now);
        return waitNanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(waitNanos));
    }

    int trackedClients() {
        return buckets.size();
    }

    private void evictIdle(long now) {
        // A full bucket carries no information: dropping it and creating a new one later is the same.
        buckets.values().removeIf(b -> b.isFull(now));
        if (buckets.size() >= maxClients) {
            // Flooded by distinct addresses: forgetting everyone bounds memory; limits restart from full.
            buckets.clear();
        }
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1.0 - tokens) / tokensPerNano));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            long elapsed = now - last;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
                last = now;
            }
        }
    }
}
