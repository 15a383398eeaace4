package io.consort.gateway.proxy;

import io.vertx.core.http.HttpClient;

/** What every exchange shares: the pooled client and the knobs from configuration. */
public record ProxySettings(HttpClient client, long connectTimeoutMillis, long requestTimeoutMillis, long retryAfterSeconds,
        boolean trustForwardedHeaders, long maxBodyBytes, RouteMetrics metrics, PooledConnections connections) {
}
