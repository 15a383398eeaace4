package io.consort.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 answers the gateway makes itself. Same {@code type} URIs as the services' chassis, so a client
 * handles a 503 the same whether the gateway or a service said it; {@code requestId} lets support find
 * the gateway's log line.
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://consort.io/problems/";

    public enum Kind {
        BAD_REQUEST(400, "bad-request", "Bad request"),
        NOT_FOUND(404, "not-found", "Not found"),
        PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
        INTERNAL(500, "internal", "Internal error"),
        BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),
        SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
        GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout");

        final int status;
        final String type;
        final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.type = BASE + slug;
            this.title = title;
        }

        public int status() {
            return status;
        }
    }

    private ProblemResponses() {
    }

    /** Ends the exchange with a problem; {@code retryAfterSeconds} &lt;= 0 means no {@code Retry-After}. */
    public static Future<Void> send(RoutingContext ctx, Kind kind, String detail, long retryAfterSeconds, String requestId) {
        var response = ctx.response();
        if (response.headWritten()) {
            // Part of an upstream answer is already on the wire; the only honest signal left is to cut it.
            response.reset();
            return Future.succeededFuture();
        }
        JsonObject body = new JsonObject()
                .put("type", kind.type)
                .put("title", kind.title)
                .put("status", kind.status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("requestId", requestId);
        response.setStatusCode(kind.status).putHeader("Content-Type", MEDIA_TYPE);
        if (retryAfterSeconds > 0) {
            response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        return response.end(body.toBuffer());
    }
}
