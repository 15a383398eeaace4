package io.consort.campaign.tracking;

import io.consort.chassis.problem.ProblemResponses;
import io.consort.chassis.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Token buckets per client address for the public endpoints (tracked links, the lead form). A request
 * filter, so every attempt counts before its body is read, and it runs before the chassis
 * Idempotency-Key filter, so a 429 is never stored as a key's answer. Hand-written because no
 * rate-limiting library (Bucket4j) is served by this build's registry; the client table is bounded
 * (least recently used clients are dropped first).
 */
@ApplicationScoped
public class PublicRateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final Config config;
    private final Map<String, Limit> limits = new ConcurrentHashMap<>();

    PublicRateLimiter(Config config) {
        this.config = config;
    }

    /** One limit's buckets. */
    static final class Limit {
        final double capacity;
        final double perNano;
        private final Map<String, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > MAX_CLIENTS;
            }
        };

        Limit(int capacity, int refillPerMinute) {
            this.capacity = capacity;
            this.perNano = refillPerMinute / 60e9;
        }

        /** Empty when a token was taken; else how long until one is there. */
        synchronized Duration tryAcquire(String client, long now) {
            double[] bucket = buckets.computeIfAbsent(client, c -> new double[] { capacity, now });
            bucket[0] = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * perNano);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return null;
            }
            return Duration.ofSeconds(Math.max(1, (long) Math.ceil((1 - bucket[0]) / perNano / 1e9)));
        }
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Response limit(ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        Method method = resource.getResourceMethod();
        RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
        if (limited == null) {
            return null;
        }
        Limit limit = limits.computeIfAbsent(limited.value(), name -> new Limit(
                config.getValue("consort.campaign.rate-limit." + name + ".capacity", Integer.class),
                config.getValue("consort.campaign.rate-limit." + name + ".refill-per-minute", Integer.class)));
        // With proxy-address-forwarding on, this is the client the trusted gateway forwarded for.
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Duration wait = limit.tryAcquire(client, System.nanoTime());
        return wait == null ? null : ProblemResponses.of(
                Problems.tooManyRequests("Too many requests from your address; try again later", wait),
                uri.getRequestUri().getRawPath());
    }
}
