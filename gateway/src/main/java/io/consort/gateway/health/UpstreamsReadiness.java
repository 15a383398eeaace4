package io.consort.gateway.health;

import io.consort.gateway.Gateway;
import io.consort.gateway.proxy.CircuitBreaker;
import io.consort.gateway.routing.Upstream;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports, for each upstream, whether it answers its own readiness probe and what its circuit breaker
 * says. Always UP: the gateway must be able to start (and be routed to) before the services, and a
 * dead service is answered with a fast 503 per route rather than by taking the whole gateway out.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MILLIS = 1000;

    private final Gateway gateway;

    UpstreamsReadiness(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> upstreams = List.copyOf(gateway.table().upstreams().values());
        List<Future<String>> probes = new ArrayList<>();
        for (Upstream upstream : upstreams) {
            probes.add(probe(upstream));
        }
        Future<HealthCheckResponse> all = Future.join(new ArrayList<>(probes)).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
            for (int i = 0; i < upstreams.size(); i++) {
                Upstream upstream = upstreams.get(i);
                CircuitBreaker breaker = gateway.breakers().get(upstream.name());
                builder.withData(upstream.name(), probes.get(i).result() + " at " + upstream.origins().get(0)
                        + ", circuit " + breaker.describe());
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(all.toCompletionStage());
    }

    /** Never fails: an unreachable upstream is a fact to report, not an error of the check. */
    private Future<String> probe(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI("/q/health/ready")
                .setConnectTimeout(PROBE_TIMEOUT_MILLIS)
                .setIdleTimeout(PROBE_TIMEOUT_MILLIS);
        return gateway.client().request(options)
                .compose(request -> {
                    gateway.connections().reused(request.connection());
                    return request.send();
                })
                .compose(response -> response.body().map(body -> describe(response.statusCode())))
                .recover(failure -> Future.succeededFuture("UNREACHABLE (" + failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")"));
    }

    private static String describe(int status) {
        return switch (status) {
            case 200 -> "UP";
            case 503 -> "DOWN (503)";
            default -> "ANSWERING (" + status + ")";
        };
    }
}
