package io.consort.gateway.proxy;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.netty.util.AttributeKey;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.ConcurrentMap;

/**
 * Which pooled upstream connections have carried a request before. A kept-alive connection the service
 * closed while it sat in the pool fails the next request sent on it before any answer; only then may the
 * gateway try again on a fresh one (a first request on a new connection that fails is the service failing).
 * Every request the gateway sends on its pooled client is recorded here, the readiness probes' too.
 *
 * <p>Recorded on the connection's own Netty channel (an attribute, gone with the channel), so recording a
 * request is one field write on the connection rather than an entry in a shared map whose housekeeping the
 * event loops paid for. A connection that is not Netty-backed (none is, today) falls back to a weakly keyed,
 * concurrent map.
 */
public final class PooledConnections {

    private static final AttributeKey<Boolean> CARRIED = AttributeKey.valueOf(PooledConnections.class, "carried");

    private final ConcurrentMap<HttpConnection, Boolean> others = Caffeine.newBuilder().weakKeys().executor(Runnable::run)
            .<HttpConnection, Boolean>build().asMap();

    /** Records a request on {@code connection}; true when an earlier one already went over it. */
    public boolean reused(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            return base.channel().attr(CARRIED).setIfAbsent(Boolean.TRUE) != null;
        }
        return others.putIfAbsent(connection, Boolean.TRUE) != null;
    }
}
