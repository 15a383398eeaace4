package io.consort.chassis.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.consort.chassis.problem.ProblemResponses;
import io.consort.chassis.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One limit of a public endpoint, counted per client: a Bucket4j token bucket per client key (the
 * gateway's library), {@code capacity} requests at once, refilled smoothly at {@code refillPerMinute}.
 * In memory and per instance, which is what the small public endpoints behind the gateway's own limit
 * need. The table of clients is bounded (Caffeine): a client's bucket is dropped once it has been idle
 * long enough to be full again (a full bucket carries no information, so dropping it changes nothing),
 * and beyond {@code maxClients} the least recently used go first, so a scan from many addresses cannot
 * grow it without bound.
 *
 * <p>Services call {@link #check} from a request filter that runs before the chassis'
 * Idempotency-Key filter, so that every attempt counts before its body is read and a 429 is never
 * stored as a key's answer (recruitment's {@code ClientRateLimiter}, campaign's {@code PublicRateLimiter}).
 */
public final class PerClientRateLimit {

    /** Clients tracked per limit unless told otherwise. */
    public static final long MAX_CLIENTS = 100_000;

    private final Bandwidth bandwidth;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public PerClientRateLimit(int capacity, int refillPerMinute) {
        this(capacity, refillPerMinute, MAX_CLIENTS, System::nanoTime);
    }

    /** With a clock of one's own ({@code nanoClock}, nanoseconds) for tests. */
    public PerClientRateLimit(int capacity, int refillPerMinute, long maxClients, LongSupplier nanoClock) {
        if (capacity < 1 || refillPerMinute < 1) {
            throw new IllegalArgumentException("capacity and refill rate must be positive");
        }
        this.bandwidth = Bandwidth.builder().capacity(capacity).refillGreedy(refillPerMinute, Duration.ofMinutes(1))
                .build();
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        // Time for an emptied bucket to fill up again: after that long idle, it is as good as new.
        Duration refillsFully = Duration.ofNanos(
                (long) Math.ceil(capacity * (double) Duration.ofMinutes(1).toNanos() / refillPerMinute));
        Ticker ticker = nanoClock::getAsLong;
        this.buckets = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run)
                .expireAfterAccess(refillsFully).maximumSize(maxClients).build();
    }

    /** Takes a token for {@code client}: empty when granted, else how long until one is there. */
    public Optional<Duration> tryAcquire(String client) {
        Bucket bucket = buckets.get(client,
                c -> Bucket.builder().withCustomTimePrecision(clock).addLimit(bandwidth).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Takes a token for the request's client address: {@code null} when granted, else the 429 problem
     * answer ({@code Retry-After} in whole seconds, at least one).
     */
    public Response check(HttpServerRequest request, UriInfo uri) {
        return tryAcquire(clientAddress(request))
                .map(wait -> ProblemResponses.of(
                        Problems.tooManyRequests("Too many requests from your address; try again later", wait),
                        uri.getRequestUri().getRawPath()))
                .orElse(null);
    }

    /** Clients tracked now (after dropping what has expired). */
    long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** With proxy-address-forwarding on, the client the trusted gateway forwarded for. */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
