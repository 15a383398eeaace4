package io.consort.gateway.proxy;

import io.vertx.core.http.HttpConnection;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Which pooled upstream connections have carried a request before. A kept-alive connection the service
 * closed while it sat in the pool fails the next request sent on it before any answer; only then may the
 * gateway try again on a fresh one (a first request on a new connection that fails is the service failing).
 * Every request the gateway sends on its pooled client is recorded here, the readiness probes' too. Weak,
 * so a connection the pool has let go of is forgotten with it.
 */
public final class PooledConnections {

    private final Set<HttpConnection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Records a request on {@code connection}; true when an earlier one already went over it. */
    public boolean reused(HttpConnection connection) {
        return !used.add(connection);
    }
}
