package io.consort.campaign.tracking;

import io.consort.chassis.ratelimit.PerClientRateLimit;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Token buckets per client address for the public endpoints (tracked links, the lead form): the chassis'
 * {@link PerClientRateLimit} (Bucket4j), one per limit named by {@link RateLimited}. A request filter, so
 * every attempt counts before its body is read, and it runs before the chassis Idempotency-Key filter,
 * so a 429 is never stored as a key's answer.
 */
@ApplicationScoped
public class PublicRateLimiter {

    private final Config config;
    private final Map<String, PerClientRateLimit> limits = new ConcurrentHashMap<>();

    PublicRateLimiter(Config config) {
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Response limit(ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        Method method = resource.getResourceMethod();
        RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
        if (limited == null) {
            return null;
        }
        PerClientRateLimit limit = limits.computeIfAbsent(limited.value(), name -> new PerClientRateLimit(
                config.getValue("consort.campaign.rate-limit." + name + ".capacity", Integer.class),
                config.getValue("consort.campaign.rate-limit." + name + ".refill-per-minute", Integer.class)));
        return limit.check(request, uri);
    }
}
