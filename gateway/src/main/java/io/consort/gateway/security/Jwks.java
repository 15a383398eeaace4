package io.consort.gateway.security;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * The realm's signing keys (its JWKS), fetched without blocking an event loop and cached. A token whose
 * {@code kid} is not among them makes the keys be fetched again (the realm rotated its key), but at most once
 * per {@code minRefreshInterval}, so a flood of tokens with made-up key ids cannot turn into a flood of calls to
 * Keycloak; concurrent refreshes share one fetch. The keys are also refetched once they are older than
 * {@code maxAge}, so a key the realm removed stops being trusted.
 *
 * <p>Every fetch runs on this object's own event-loop context. Started from a thread that is not a Vert.x thread
 * (start-up, a worker), a request's future callbacks hop threads, and the response body can arrive before
 * {@code body()} is asked for it: the fetch then reads an empty document (Vert.x 4 does not buffer it).
 */
public final class Jwks {

    private static final Logger LOG = Logger.getLogger(Jwks.class);

    private final HttpClient client;
    private final Context context;
    private final String url;
    private final long minRefreshNanos;
    private final long maxAgeNanos;
    private final LongSupplier clock;

    private volatile List<JsonWebKey> keys = List.of();
    /** The key set as last fetched, to tell a changed set from the same one fetched again. */
    private String fetchedJwks;
    /** Counts changes of the key set: what was verified against one version is checked again under the next. */
    private volatile long version;
    private volatile long fetchedAt;
    private long lastAttempt;
    private boolean attempted;
    private Future<Void> inFlight;
    /** Fetches that reached the key endpoint (successful or not), for tests and the readiness data. */
    private volatile int fetches;

    public Jwks(Vertx vertx, HttpClient client, String url, Duration minRefreshInterval, Duration maxAge, LongSupplier nanoClock) {
        this.client = client;
        this.context = vertx.getOrCreateContext();
        this.url = url;
        this.minRefreshNanos = minRefreshInterval.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = nanoClock;
    }

    /** The cached key with this id ({@code kid}); with no id, the only key there is. */
    public Optional<JsonWebKey> find(String kid) {
        List<JsonWebKey> current = keys;
        if (kid == null) {
            return current.size() == 1 ? Optional.of(current.get(0)) : Optional.empty();
        }
        return current.stream().filter(k -> kid.equals(k.getKeyId())).findFirst();
    }

    public boolean stale() {
        return keys.isEmpty() || clock.getAsLong() - fetchedAt > maxAgeNanos;
    }

    /**
     * Fetches the keys again unless that was tried within the minimum interval; completes when they are in, on the
     * caller's own context when it has one (a request's event loop goes on handling its request).
     */
    public Future<Void> refresh() {
        Future<Void> shared = startRefresh();
        Context caller = Vertx.currentContext();
        if (caller == null || caller == context || shared.isComplete()) {
            return shared;
        }
        Promise<Void> here = Promise.promise();
        shared.onComplete(ar -> caller.runOnContext(ignored -> here.handle(ar)));
        return here.future();
    }

    private synchronized Future<Void> startRefresh() {
        if (inFlight != null) {
            return inFlight;
        }
        long now = clock.getAsLong();
        if (attempted && now - lastAttempt < minRefreshNanos) {
            return Future.succeededFuture();
        }
        attempted = true;
        lastAttempt = now;
        Promise<Void> done = Promise.promise();
        Future<Void> result = done.future();
        inFlight = result;
        fetches++;
        context.runOnContext(ignored -> fetch(done));
        return result;
    }

    private void fetch(Promise<Void> done) {
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(5000)
                        .addHeader("Accept", "application/json"))
                .compose(req -> req.send())
                .compose(res -> res.statusCode() == 200 ? res.body()
                        : Future.failedFuture("the key endpoint answered " + res.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        try {
                            accept(ar.result().toString());
                            LOG.debugf("fetched %d signing keys from %s", keys.size(), url);
                        } catch (Exception e) {
                            LOG.warnf("the signing keys at %s are not a JWKS: %s", url, e.toString());
                        }
                    } else {
                        LOG.warnf("could not fetch the signing keys from %s: %s", url, ar.cause().toString());
                    }
                    synchronized (this) {
                        inFlight = null;
                    }
                    // A failed fetch leaves the keys as they were: tokens signed by known keys still pass.
                    done.complete();
                });
    }

    /** Takes a fetched JWKS document as the realm's keys; a set that differs from the last one is a new {@link #version()}. */
    synchronized void accept(String jwks) throws org.jose4j.lang.JoseException {
        List<JsonWebKey> parsed = List.copyOf(new JsonWebKeySet(jwks).getJsonWebKeys());
        if (!jwks.equals(fetchedJwks)) {
            fetchedJwks = jwks;
            keys = parsed;
            version++;
        }
        fetchedAt = clock.getAsLong();
    }

    /** Which key set tokens are checked against now; it changes whenever the realm's published keys change. */
    public long version() {
        return version;
    }

    public int fetches() {
        return fetches;
    }

    public int size() {
        return keys.size();
    }
}
