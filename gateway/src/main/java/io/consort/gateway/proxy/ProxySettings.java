package io.consort.gateway.proxy;

/** What every exchange shares: the pooled clients (one per event loop) and the knobs from configuration. */
public record ProxySettings(EventLoopClients clients, long connectTimeoutMillis, long requestTimeoutMillis, long retryAfterSeconds,
        boolean trustForwardedHeaders, long maxBodyBytes, RouteMetrics metrics, PooledConnections connections) {
}
