package io.consort.gateway.proxy;

import io.consort.contracts.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 answers the gateway makes itself, of the suite's {@link ProblemType}s, so a client handles a
 * 503 the same whether the gateway or a service said it; {@code requestId} lets support find the
 * gateway's log line.
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    /**
     * Ends the exchange with a problem and then stops the request (see {@link #stopReading}): for a request refused
     * before its body was read.
     */
    public static void refuseUnread(RoutingContext ctx, ProblemType type, String detail, String requestId) {
        send(ctx, type, detail, 0, requestId).onComplete(v -> stopReading(ctx.request()));
    }

    /**
     * Stops a request whose body the gateway will not read. On HTTP/1.x that closes the connection: the unread body
     * would be taken for the next request. On HTTP/2 it resets only the request's own stream (NO_ERROR once the
     * answer is complete, RFC 9113 section 8.1; else CANCEL): closing an HTTP/2 connection sends a GOAWAY that fails
     * every other request multiplexed on it (issue 19: the JDK client's h2c connections lost requests in flight).
     */
    public static void stopReading(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2) {
            request.connection().close();
        } else if (!request.isEnded()) {
            request.response().reset(request.response().ended() ? 0 : 8);
        }
    }

    /** Ends the exchange with a problem; {@code retryAfterSeconds} &lt;= 0 means no {@code Retry-After}. */
    public static Future<Void> send(RoutingContext ctx, ProblemType type, String detail, long retryAfterSeconds, String requestId) {
        var response = ctx.response();
        if (response.headWritten()) {
            // Part of an upstream answer is already on the wire; the only honest signal left is to cut it.
            response.reset();
            return Future.succeededFuture();
        }
        JsonObject body = new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", requestId);
        response.setStatusCode(type.status()).putHeader("Content-Type", MEDIA_TYPE);
        if (retryAfterSeconds > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        return response.end(body.toBuffer());
    }
}
