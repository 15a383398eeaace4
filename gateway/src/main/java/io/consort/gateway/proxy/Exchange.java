package io.consort.gateway.proxy;

import io.consort.contracts.ProblemType;
import io.consort.gateway.routing.Route;
import io.consort.gateway.routing.Upstream;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One client request carried to its upstream and the answer carried back, both bodies streamed. Every
 * callback runs on the event loop that received the client request (the HTTP client reuses the caller's
 * context), so the fields need no locking.
 */
final class Exchange {

    private static final Logger LOG = Logger.getLogger(Exchange.class);
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private final RoutingContext ctx;
    private final HttpServerRequest request;
    private final Route route;
    private final CircuitBreaker breaker;
    private final String requestId;
    private final ProxySettings settings;

    private HttpClientRequest upstreamRequest;
    private RequestOptions upstreamOptions;
    private String clientOrigin;
    /** Sent on a pooled connection that had carried a request before (see {@link PooledConnections}). */
    private boolean onReusedConnection;
    /** This exchange already went to a fresh connection once after a stale one. */
    private boolean retried;
    /** The breaker has been told how this exchange went; it must hear exactly once. */
    private boolean verdictGiven;
    private boolean clientGone;
    private boolean bodyTooLarge;
    private final List<String> copiedHeaders = new ArrayList<>();
    /**
     * When the breaker let this exchange through, then when its body was all sent: outcomes are timed from the
     * latter (a slow call is a slow answer, not a long upload), or the former if the body never went whole.
     */
    private long started = System.nanoTime();

    Exchange(RoutingContext ctx, Route route, CircuitBreaker breaker, String requestId, ProxySettings settings) {
        this.ctx = ctx;
        this.request = ctx.request();
        this.route = route;
        this.breaker = breaker;
        this.requestId = requestId;
        this.settings = settings;
    }

    void start() {
        ctx.addEndHandler(this::clientEnded);
        Upstream upstream = route.upstream();
        MultiMap headers = Headers.toUpstream(request.headers(), settings.trustForwardedHeaders());
        clientOrigin = addForwarding(headers);
        headers.set(Headers.REQUEST_ID, requestId);
        String query = request.query();
        String upstreamPath = route.upstreamPath(request.path());
        upstreamOptions = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(query == null ? upstreamPath : upstreamPath + "?" + query)
                // Bounds the wait for a pooled connection as well as the TCP connect: a saturated pool is a 503, not a hang.
                .setConnectTimeout(settings.connectTimeoutMillis())
                .setHeaders(headers);
        request(upstreamOptions);
    }

    private void request(RequestOptions options) {
        settings.clients().current().request(options).onComplete(ar -> {
            if (ar.failed()) {
                connectFailed(ar.cause());
            } else {
                send(ar.result());
            }
        });
    }

    /** Sets this hop's {@code X-Forwarded-*}; returns the origin the client used, for {@code Location}. */
    private String addForwarding(MultiMap headers) {
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (remote != null) {
            String earlier = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", earlier == null ? remote : earlier + ", " + remote);
        }
        String proto = headers.get("X-Forwarded-Proto");
        if (proto == null) {
            proto = request.scheme() == null ? "http" : request.scheme();
            headers.set("X-Forwarded-Proto", proto);
        }
        String host = headers.get("X-Forwarded-Host");
        if (host == null) {
            host = request.getHeader("Host");
            if (host != null) {
                headers.set("X-Forwarded-Host", host);
            }
        }
        if (!headers.contains("X-Forwarded-Port") && request.localAddress() != null) {
            headers.set("X-Forwarded-Port", Integer.toString(request.localAddress().port()));
        }
        return host == null ? null : proto + "://" + host;
    }

    private void send(HttpClientRequest upstream) {
        upstreamRequest = upstream;
        onReusedConnection = settings.connections().reused(upstream.connection());
        keepReadingAfterAFailedWrite(upstream);
        // Every failure also fails response(), where it is classified; this only keeps Vert.x from logging it again.
        upstream.exceptionHandler(ignored -> { });
        if (clientGone) {
            upstream.reset();
            abandoned();
            return;
        }
        if (!request.headers().contains("Content-Length") && hasBodyOfUnknownLength()) {
            upstream.setChunked(true);
        }
        upstream.response().onComplete(ar -> {
            if (ar.failed()) {
                exchangeFailed(ar.cause());
            } else {
                respond(ar.result());
            }
        });
        if (retried) {
            // Only a request without a body is sent again (see mayRetry), and its end has been read already.
            upstream.end().onSuccess(v -> upstream.idleTimeout(settings.requestTimeoutMillis()));
            return;
        }
        if (!hasBody()) {
            // Nothing to stream (most calls: GET, HEAD, DELETE): the request goes whole at once, and the client's
            // empty end is read on, without setting up a pipe and a body limit for no bytes.
            request.resume();
            upstream.end().onSuccess(v -> {
                upstream.idleTimeout(settings.requestTimeoutMillis());
                started = System.nanoTime();
            });
            return;
        }
        // Piped, never buffered: a 100,000-line NDJSON import flows through in chunks with back-pressure.
        new BodyLimit(request, settings.maxBodyBytes()).pipe().endOnFailure(false).to(upstream).onComplete(sent -> {
            if (sent.succeeded()) {
                // The clock starts once the whole body is sent, so a long upload is not mistaken for a slow upstream.
                upstream.idleTimeout(settings.requestTimeoutMillis());
                started = System.nanoTime();
            } else if (sent.cause() instanceof BodyLimit.TooLarge) {
                bodyTooLarge = true;
                upstream.reset(0, sent.cause());
            } else if (!clientGone) {
                // The service stopped reading the body: it answered early (a 400 or 415 before the body mattered)
                // and closed, or the connection broke. Resetting here would throw away an answer that may already
                // have arrived; the connection is broken anyway, so response() tells which: the service's answer,
                // or a failure (502) if none came. Meanwhile the rest of the client's body is read and dropped, so
                // the client, still sending, gets to read the answer too.
                LOG.debugf("request %s: %s stopped reading the body of %s %s: %s", requestId, route.upstream().name(),
                        request.method(), request.path(), sent.cause().toString());
                drainClientBody();
            }
        });
    }

    /** Reads the rest of the client's body without passing it on, up to the body limit; past it, closes. */
    private void drainClientBody() {
        if (request.isEnded()) {
            return;
        }
        long[] seen = {0};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > settings.maxBodyBytes()) {
                ProblemResponses.stopReading(request);
            }
        });
        request.endHandler(null);
        request.resume();
    }

    /**
     * A service that answers before reading the body and closes makes the operating system reset the connection;
     * the next write of the body then fails while the answer waits, unread, in the socket. Netty closes a channel
     * on a failed write by default, throwing that answer away (issue 21, the early-answer race); with auto-close
     * off it goes on reading, so the answer is parsed and the connection closes when the reset is read.
     */
    private static void keepReadingAfterAFailedWrite(HttpClientRequest upstream) {
        if (upstream.connection() instanceof ConnectionBase connection) {
            connection.channel().config().setAutoClose(false);
        }
    }

    private boolean hasBodyOfUnknownLength() {
        if (request.headers().contains("Transfer-Encoding")) {
            return true;
        }
        return request.version() == HttpVersion.HTTP_2 && !request.isEnded();
    }

    private void respond(HttpClientResponse upstream) {
        // The service spoke; a 5xx still counts against it (as outlier detection does), and so does slowness.
        answered(upstream.statusCode());
        HttpServerResponse response = ctx.response();
        if (clientGone || response.closed()) {
            upstreamRequest.reset();
            return;
        }
        response.setStatusCode(upstream.statusCode());
        if (upstream.statusMessage() != null) {
            response.setStatusMessage(upstream.statusMessage());
        }
        MultiMap headers = Headers.toClient(upstream.headers());
        for (String name : List.of("Location", "Content-Location")) {
            String value = headers.get(name);
            if (value != null && clientOrigin != null) {
                headers.set(name, Headers.relocate(value, route, clientOrigin));
            }
        }
        for (var header : headers) {
            response.headers().add(header.getKey(), header.getValue());
            copiedHeaders.add(header.getKey());
        }
        if (expectsBody(upstream.statusCode()) && !headers.contains("Content-Length")) {
            response.setChunked(true);
        }
        upstream.pipe().endOnFailure(false).to(response).onComplete(copied -> {
            if (copied.failed()) {
                if (upstream.end().succeeded()) {
                    // The service's answer came whole; what failed is handing it to a client that was closing
                    // its side meanwhile (the close not seen yet): no fault of the service's, nothing to report.
                    LOG.debugf("request %s: the client went away while its answer was written: %s", requestId,
                            copied.cause().toString());
                } else if (clientGone || response.closed()) {
                    upstreamRequest.reset();
                } else {
                    // The upstream broke off mid-answer; ending normally would hand the client a truncated body as complete.
                    String kind = copied.cause() instanceof TimeoutException ? "timeout" : "malformed";
                    settings.metrics().upstreamFailure(route.upstream().name(), kind);
                    LOG.warnf("request %s: %s broke off its answer to %s %s: %s", requestId, route.upstream().name(),
                            request.method(), request.path(), copied.cause().toString());
                    response.reset();
                }
            }
        });
    }

    private boolean expectsBody(int status) {
        return request.method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    private void connectFailed(Throwable cause) {
        if (clientGone || ctx.response().closed()) {
            abandoned();
            return;
        }
        String name = route.upstream().name();
        failed(isUnreachable(cause) ? "refused" : "malformed");
        if (isUnreachable(cause)) {
            settings.metrics().upstreamFailure(name, "refused");
            LOG.warnf("request %s: %s unreachable: %s", requestId, name, cause.toString());
            fail(ProblemType.SERVICE_UNAVAILABLE, "The " + name + " service cannot be reached; try again shortly.",
                    settings.retryAfterSeconds());
        } else {
            settings.metrics().upstreamFailure(name, "malformed");
            LOG.warnf("request %s: connecting to %s failed: %s", requestId, name, cause.toString());
            fail(ProblemType.BAD_GATEWAY, "The connection to the " + name + " service failed.", 0);
        }
    }

    private void exchangeFailed(Throwable cause) {
        if (clientGone || ctx.response().closed()) {
            abandoned();
            return;
        }
        if (bodyTooLarge) {
            abandoned();
            // The rest of the body is still coming; closing is the only way to stop it.
            ProblemResponses.refuseUnread(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds "
                    + settings.maxBodyBytes() + " bytes.", requestId);
            return;
        }
        String name = route.upstream().name();
        if (mayRetry(cause)) {
            // The service had closed this kept-alive connection while it sat in the pool: nothing reached it,
            // so the request goes once more, on a fresh connection (RFC 9110 section 9.2.2), instead of a 502.
            retried = true;
            settings.metrics().upstreamFailure(name, "stale-connection");
            LOG.debugf("request %s: %s had closed the pooled connection; sending %s %s again on a new one", requestId,
                    name, request.method(), request.path());
            request(upstreamOptions);
            return;
        }
        failed(cause instanceof TimeoutException ? "timeout" : "malformed");
        if (cause instanceof TimeoutException) {
            settings.metrics().upstreamFailure(name, "timeout");
            LOG.warnf("request %s: %s did not answer %s %s in time", requestId, name, request.method(), request.path());
            fail(ProblemType.GATEWAY_TIMEOUT, "The " + name + " service did not answer within "
                    + settings.requestTimeoutMillis() + " ms.", 0);
        } else {
            settings.metrics().upstreamFailure(name, "malformed");
            LOG.warnf("request %s: %s gave no valid answer to %s %s: %s", requestId, name, request.method(),
                    request.path(), cause.toString());
            fail(ProblemType.BAD_GATEWAY, "The " + name + " service gave no valid answer.", 0);
        }
    }

    /**
     * Whether a failed exchange may be sent again: the connection was closed or reset before any answer, it was a
     * reused pooled one, the method is idempotent and there is no body to send twice; and only once.
     */
    private boolean mayRetry(Throwable cause) {
        boolean closedOrReset = cause instanceof HttpClosedException || cause instanceof IOException;
        return !retried && onReusedConnection && closedOrReset && IDEMPOTENT.contains(request.method()) && !hasBody();
    }

    private boolean hasBody() {
        return Headers.declaredLength(request.headers()) > 0 || hasBodyOfUnknownLength();
    }

    private void fail(ProblemType type, String detail, long retryAfterSeconds) {
        HttpServerResponse response = ctx.response();
        if (!response.headWritten()) {
            copiedHeaders.forEach(response.headers()::remove);
        }
        ProblemResponses.send(ctx, type, detail, retryAfterSeconds, requestId);
    }

    private static boolean isUnreachable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // ConnectException covers refused and connect timeouts; a TimeoutException here is a pool wait.
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void clientEnded(AsyncResult<Void> ended) {
        if (ended.failed()) {
            clientGone = true;
            if (upstreamRequest != null) {
                upstreamRequest.reset();
            }
            abandoned();
        }
    }

    private void answered(int status) {
        if (!verdictGiven) {
            verdictGiven = true;
            breaker.onAnswer(status, System.nanoTime() - started);
        }
    }

    private void failed(String kind) {
        if (!verdictGiven) {
            verdictGiven = true;
            breaker.onFailure(kind, System.nanoTime() - started);
        }
    }

    private void abandoned() {
        if (!verdictGiven) {
            verdictGiven = true;
            breaker.onAbandoned();
        }
    }
}
