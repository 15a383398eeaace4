package io.consort.gateway;

import io.consort.gateway.limits.RateLimits;
import io.consort.gateway.openapi.DocsRoutes;
import io.consort.gateway.openapi.MergedOpenApi;
import io.consort.gateway.partner360.Partner360;
import io.consort.gateway.proxy.CircuitBreaker;
import io.consort.gateway.proxy.EventLoopClients;
import io.consort.gateway.proxy.PooledConnections;
import io.consort.gateway.proxy.ProxyHandler;
import io.consort.gateway.proxy.ProxySettings;
import io.consort.gateway.proxy.RouteMetrics;
import io.consort.gateway.routing.RoutingTable;
import io.consort.gateway.security.EdgeTokens;
import io.consort.gateway.security.Jwks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the routing table, breakers and pooled client from configuration and installs the proxy route. */
@Singleton
public class Gateway {

    private final RoutingTable table;
    private final Map<String, CircuitBreaker> breakers;
    private final HttpClient client;
    private final EventLoopClients clients;
    private final PooledConnections connections = new PooledConnections();
    private final GatewayConfig config;
    private final MeterRegistry registry;
    private final String ownPrefix;
    private final EdgeTokens tokens;
    private final RateLimits limits;

    Gateway(GatewayConfig config, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String nonApplicationRoot) {
        this.config = config;
        this.registry = registry;
        this.table = RoutingTable.of(
                config.upstreams().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().prefixes())),
                config.upstreams().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().url())),
                config.upstreams().entrySet().stream().filter(e -> e.getValue().adminPaths().isPresent())
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().adminPaths().get())));
        Map<String, CircuitBreaker> byUpstream = new LinkedHashMap<>();
        for (String name : table.upstreams().keySet()) {
            CircuitBreaker breaker = new CircuitBreaker(name, breakerSettings(config.circuitBreaker()));
            byUpstream.put(name, breaker);
            Gauge.builder("consort.gateway.circuit.open", breaker, b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .description("1 while the route's circuit breaker is open or half-open")
                    .tag("route", name)
                    .register(registry);
        }
        this.breakers = Map.copyOf(byUpstream);
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                // The gateway speaks to every service in HTTP/1.1: simple, pooled, and what the services expect.
                .setTryUseCompression(false)
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream());
        this.client = vertx.createHttpClient(options, pool);
        this.clients = new EventLoopClients(vertx, options, pool, client);
        String root = nonApplicationRoot.startsWith("/") ? nonApplicationRoot : "/" + nonApplicationRoot;
        this.ownPrefix = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        GatewayConfig.AuthConfig auth = config.auth();
        Jwks keys = new Jwks(vertx, client, auth.jwksUrl(), auth.jwksMinRefreshInterval(), auth.jwksMaxAge(), System::nanoTime);
        this.tokens = new EdgeTokens(keys, auth.issuer(), auth.audience(), auth.clockSkew(), auth.verifiedTokens(),
                () -> System.currentTimeMillis() / 1000);
        this.limits = rateLimits(config.rateLimit());
    }

    private static RateLimits rateLimits(GatewayConfig.RateLimitConfig c) {
        List<RateLimits.Rule> rules = c.rules().entrySet().stream()
                .map(e -> new RateLimits.Rule(new RateLimits.Limit(e.getKey(), e.getValue().limit(), e.getValue().period()),
                        e.getValue().prefix(), RateLimits.method(e.getValue().method()), e.getValue().publicOnly()))
                .toList();
        return new RateLimits(new RateLimits.Limit("authenticated", c.authenticated().limit(), c.authenticated().period()),
                new RateLimits.Limit("anonymous", c.anonymous().limit(), c.anonymous().period()), rules, c.maxClients());
    }

    private static CircuitBreaker.Settings breakerSettings(GatewayConfig.CircuitBreakerConfig c) {
        return new CircuitBreaker.Settings(c.window(), c.minimumCalls(), c.failureRate(), c.slowCallDuration(), c.slowCallRate(),
                c.openDuration(), c.halfOpenCalls());
    }

    void installRoute(@Observes Router router) {
        // Fetched ahead of the first token, without holding start-up: Keycloak may come up after the gateway.
        tokens.keys().refresh();
        ProxySettings settings = new ProxySettings(clients, config.connectTimeout().toMillis(), config.requestTimeout().toMillis(),
                Math.max(1, config.retryAfter().toSeconds()), config.trustForwardedHeaders(), config.maxBodySize().asLongValue(), new RouteMetrics(registry),
                connections);
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(new ProxyHandler(table, breakers, settings, ownPrefix, tokens, limits,
                        new Partner360(table, breakers, clients, config.partner360Deadline().toMillis(), config.connectTimeout().toMillis())))
                .failureHandler(ProxyHandler::failure);
        new DocsRoutes(new MergedOpenApi(table, client, config.auth().issuer(), 2000),
                "consort-portal").install(router, ownPrefix);
    }

    public RoutingTable table() {
        return table;
    }

    public Map<String, CircuitBreaker> breakers() {
        return breakers;
    }

    public EdgeTokens tokens() {
        return tokens;
    }

    public HttpClient client() {
        return client;
    }

    /** Which of the client's pooled connections carried a request before; whoever sends on the client records it. */
    public PooledConnections connections() {
        return connections;
    }

    @PreDestroy
    void close() {
        clients.close();
        client.close();
    }
}
