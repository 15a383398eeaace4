package io.consort.gateway.proxy;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.ConcurrentMap;

/**
 * Which pooled upstream connections have carried a request before. A kept-alive connection the service
 * closed while it sat in the pool fails the next request sent on it before any answer; only then may the
 * gateway try again on a fresh one (a first request on a new connection that fails is the service failing).
 * Every request the gateway sends on its pooled client is recorded here, the readiness probes' too. Weakly
 * keyed (by identity), so a connection the pool has let go of is forgotten with it; concurrent, so the event
 * loops recording their requests do not queue on one lock. Its housekeeping (dropping collected keys) runs on the
 * recording thread, not handed to the common fork-join pool.
 */
public final class PooledConnections {

    private final ConcurrentMap<HttpConnection, Boolean> used = Caffeine.newBuilder().weakKeys().executor(Runnable::run)
            .<HttpConnection, Boolean>build().asMap();

    /** Records a request on {@code connection}; true when an earlier one already went over it. */
    public boolean reused(HttpConnection connection) {
        return used.putIfAbsent(connection, Boolean.TRUE) != null;
    }
}
