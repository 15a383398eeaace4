package io.consort.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Per-route figures. Tags are kept to bounded sets (route name, standard method, status code), never the
 * path: a path carries ids and would make one time series per partner.
 */
public final class RouteMetrics {

    /** The route tag of requests no route owns. */
    public static final String UNROUTED = "unrouted";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;

    public RouteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished exchange, whatever answered it (upstream or the gateway itself). */
    public void request(String route, String method, int status, long nanos) {
        String m = method.toUpperCase(Locale.ROOT);
        Timer.builder("consort.gateway.requests")
                .description("Requests through the gateway, by route, method and status")
                .tag("route", route)
                .tag("method", METHODS.contains(m) ? m : "OTHER")
                .tag("status", status == 0 ? "none" : Integer.toString(status))
                .register(registry)
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
