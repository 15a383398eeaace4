package io.consort.recruitment.application;

import io.consort.chassis.problem.ProblemResponses;
import io.consort.chassis.problem.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits the public application form per client address; anonymous endpoints are the cheap ones to
 * abuse. A request filter rather than a call in the endpoint, for two reasons: every attempt counts,
 * malformed ones included, before the body is even read; and it runs before the chassis
 * Idempotency-Key filter, so a 429 is never stored as the answer a retry with the same key would get.
 */
@ApplicationScoped
public class ApplicationRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final TokenBuckets buckets;

    @Inject
    public ApplicationRateLimiter(
            @ConfigProperty(name = "consort.recruitment.applications.rate-limit.capacity") int capacity,
            @ConfigProperty(name = "consort.recruitment.applications.rate-limit.refill-per-minute") int refillPerMinute) {
        this.buckets = new TokenBuckets(capacity, refillPerMinute, MAX_TRACKED_CLIENTS, System::nanoTime);
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Response limit(ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        if (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(RateLimitedPerClient.class)) {
            return null;
        }
        // With proxy-address-forwarding on, this is the client the trusted gateway forwarded for.
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return buckets.tryAcquire(client)
                .map(wait -> ProblemResponses.of(
                        Problems.tooManyRequests("Too many requests from your address; try again later", wait),
                        uri.getRequestUri().getRawPath()))
                .orElse(null);
    }
}
