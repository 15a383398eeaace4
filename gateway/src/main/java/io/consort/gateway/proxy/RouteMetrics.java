package io.consort.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-route figures. Tags are kept to bounded sets (route name, standard method, status code), never the
 * path: a path carries ids and would make one time series per partner.
 */
public final class RouteMetrics {

    /** The route tag of requests no route owns. */
    public static final String UNROUTED = "unrouted";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private record TimerKey(String route, String method, int status) {
    }

    private final MeterRegistry registry;
    /**
     * The request timers, looked up once per (route, method, status) rather than built and registered on every
     * request (which allocates an id, its tags and runs the registry's filters each time). Bounded: routes are
     * configured, methods and statuses are bounded sets.
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished exchange, whatever answered it (upstream or the gateway itself). */
    public void request(String route, String method, int status, long nanos) {
        String m = METHODS.contains(method) ? method : method.toUpperCase(Locale.ROOT);
        TimerKey key = new TimerKey(route, METHODS.contains(m) ? m : "OTHER", status < 100 || status > 599 ? 0 : status);
        timers.computeIfAbsent(key, k -> Timer.builder("consort.gateway.requests")
                        .description("Requests through the gateway, by route, method and status")
                        .tag("route", k.route())
                        .tag("method", k.method())
                        .tag("status", k.status() == 0 ? "none" : Integer.toString(k.status()))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** An upstream that could not be used: {@code kind} is refused, timeout, malformed or circuit-open. */
    public void upstreamFailure(String route, String kind) {
        Counter.builder("consort.gateway.upstream.failures")
                .description("Upstream calls that failed or were not attempted because the circuit was open")
                .tag("route", route)
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    /** A request refused by a rate limit; tagged by the limit's name, never by client. */
    public void rateLimited(String route, String limit) {
        Counter.builder("consort.gateway.rate.limited")
                .description("Requests refused with 429 by a per-client rate limit")
                .tag("route", route)
                .tag("limit", limit)
                .register(registry)
                .increment();
    }
}
