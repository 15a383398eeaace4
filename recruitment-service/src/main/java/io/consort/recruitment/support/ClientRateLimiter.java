package io.consort.recruitment.support;

import io.consort.chassis.ratelimit.PerClientRateLimit;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits the public endpoints per client address; anonymous endpoints are the cheap ones to abuse. A
 * request filter rather than a call in the endpoint, for two reasons: every attempt counts, malformed
 * ones included, before the body is even read; and it runs before the chassis Idempotency-Key filter,
 * so a 429 is never stored as the answer a retry with the same key would get. The buckets are the
 * chassis' {@link PerClientRateLimit} (Bucket4j).
 */
@ApplicationScoped
@Startup
public class ClientRateLimiter {

    /** Every limit, built from its configuration when the service starts (a missing value stops it). */
    private final Map<PublicLimit, PerClientRateLimit> limits = new EnumMap<>(PublicLimit.class);

    ClientRateLimiter(Config config) {
        for (PublicLimit limit : PublicLimit.values()) {
            limits.put(limit, new PerClientRateLimit(config.getValue(limit.configPrefix() + "capacity", Integer.class),
                    config.getValue(limit.configPrefix() + "refill-per-minute", Integer.class)));
        }
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Response limit(ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        Method method = resource.getResourceMethod();
        RateLimitedPerClient limited = method == null ? null : method.getAnnotation(RateLimitedPerClient.class);
        if (limited == null) {
            return null;
        }
        return limits.get(limited.value()).check(request, uri);
    }
}
