package io.consort.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One pooled HTTP client per event loop, for the calls made while answering a request. Vert.x's client pools its
 * connections per endpoint across every event loop, and a connection stays on the loop that opened it: a request
 * received on one loop and sent on a connection of another is handed to that loop (a task and a selector wake-up)
 * and its answer handed back, which showed as most of the gateway's own CPU per call in JFR
 * ({@code Http1xClientConnection$StreamImpl.writeHead}, {@code SelectedSelectionKeySetSelector.wakeup}), and as
 * latency whenever the other loop was busy. A client used from one loop only opens its connections on that loop
 * (the pool takes the caller's context), so the whole exchange stays on the loop that received the request, as
 * Envoy's per-worker connection pools do. Off an event loop (start-up, tests), a shared client serves.
 */
public final class EventLoopClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final HttpClient shared;
    private final ConcurrentMap<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();

    public EventLoopClients(Vertx vertx, HttpClientOptions options, PoolOptions pool, HttpClient shared) {
        this.vertx = vertx;
        this.options = options;
        this.pool = pool;
        this.shared = shared;
    }

    /** The client of the event loop this runs on (each loop's own pool, up to the pool's size per upstream). */
    public HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        return byLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(options, pool));
    }

    public void close() {
        byLoop.values().forEach(HttpClient::close);
    }
}
