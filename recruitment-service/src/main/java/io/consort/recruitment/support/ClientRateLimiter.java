package io.consort.recruitment.support;

import io.consort.chassis.problem.ProblemResponses;
import io.consort.chassis.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits the public endpoints per client address; anonymous endpoints are the cheap ones to abuse. A
 * request filter rather than a call in the endpoint, for two reasons: every attempt counts, malformed
 * ones included, before the body is even read; and it runs before the chassis Idempotency-Key filter,
 * so a 429 is never stored as the answer a retry with the same key would get.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final ConcurrentHashMap<String, TokenBuckets> limits = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER)
    public Response limit(ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        Method method = resource.getResourceMethod();
        RateLimitedPerClient limited = method == null ? null : method.getAnnotation(RateLimitedPerClient.class);
        if (limited == null) {
            return null;
        }
        // With proxy-address-forwarding on, this is the client the trusted gateway forwarded for.
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return limits.computeIfAbsent(limited.value(), ClientRateLimiter::configured).tryAcquire(client)
                .map(wait -> ProblemResponses.of(
                        Problems.tooManyRequests("Too many requests from your address; try again later", wait),
                        uri.getRequestUri().getRawPath()))
                .orElse(null);
    }

    private static TokenBuckets configured(String name) {
        Config config = ConfigProvider.getConfig();
        String prefix = "consort.recruitment." + name + ".rate-limit.";
        return new TokenBuckets(config.getValue(prefix + "capacity", Integer.class),
                config.getValue(prefix + "refill-per-minute", Integer.class), MAX_TRACKED_CLIENTS, System::nanoTime);
    }
}
