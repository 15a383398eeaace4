package io.consort.gateway.proxy;

import io.consort.contracts.ProblemType;
import io.consort.contracts.RequestHead;
import io.consort.gateway.limits.RateLimits;
import io.consort.gateway.partner360.Partner360;
import io.consort.gateway.routing.Paths;
import io.consort.gateway.routing.Route;
import io.consort.gateway.routing.RoutingTable;
import io.consort.gateway.security.Caller;
import io.consort.gateway.security.EdgeTokens;
import io.consort.gateway.security.PublicPaths;
import io.vertx.core.Handler;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The gateway's one route: looks the path up in the routing table and hands the request to an
 * {@link Exchange}, or answers the problem itself. The gateway's own endpoints (under the
 * non-application root, {@code /q}) are passed on to the handlers Quarkus registered for them.
 */
public final class ProxyHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    private final RoutingTable table;
    private final Map<String, CircuitBreaker> breakers;
    private final ProxySettings settings;
    private final String ownPrefix;
    private final EdgeTokens tokens;
    private final RateLimits limits;
    private final Partner360 partner360;

    public ProxyHandler(RoutingTable table, Map<String, CircuitBreaker> breakers, ProxySettings settings, String ownPrefix,
            EdgeTokens tokens, RateLimits limits, Partner360 partner360) {
        this.table = table;
        this.partner360 = partner360;
        this.limits = limits;
        this.tokens = tokens;
        this.breakers = breakers;
        this.settings = settings;
        this.ownPrefix = ownPrefix;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path == null) {
            path = "/";
        }
        String requestId = requestId(ctx);
        RequestHead.Refusal refusal = RequestHead.check(ctx.request().version() == HttpVersion.HTTP_1_1, ctx.request().uri(),
                ctx.request().headers());
        if (refusal != null) {
            ProblemResponses.refuseUnread(ctx, refusal.type(), refusal.detail(), requestId);
            return;
        }
        if (path.equals(ownPrefix) || path.startsWith(ownPrefix + "/")) {
            ctx.next();
            return;
        }
        // Held until the upstream connection is ready, so no body chunk is read before someone listens.
        ctx.request().pause();
        long started = System.nanoTime();
        boolean dotSegment = Paths.hasDotSegment(path);
        Optional<Route> route = dotSegment ? Optional.empty() : table.match(path);
        String routeName = route.map(r -> r.upstream().name()).orElse(RouteMetrics.UNROUTED);
        ctx.addEndHandler(ended -> settings.metrics().request(routeName, ctx.request().method().name(),
                ended.succeeded() ? ctx.response().getStatusCode() : 0, System.nanoTime() - started));

        if (dotSegment) {
            ProblemResponses.send(ctx, ProblemType.BAD_REQUEST, "Paths with '.' or '..' segments are not accepted.", 0, requestId);
            return;
        }
        if (route.isEmpty()) {
            String detail = path.equals(RoutingTable.ADMIN) || path.startsWith(RoutingTable.ADMIN + "/")
                    ? "Administrative endpoints belong to each service; through the gateway only "
                            + RoutingTable.ADMIN + "/{service}/rebuild is exposed, for the services that have one."
                    : "No service serves " + path + ".";
            ProblemResponses.send(ctx, ProblemType.NOT_FOUND, detail, 0, requestId);
            return;
        }
        if (Headers.declaredLength(ctx.request().headers()) > settings.maxBodyBytes()) {
            ProblemResponses.refuseUnread(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds "
                    + settings.maxBodyBytes() + " bytes.", requestId);
            return;
        }
        HttpServerRequest request = ctx.request();
        if (PublicPaths.isPublic(request.method(), path)) {
            proceed(ctx, route.get(), Caller.anonymous(clientAddress(request)), requestId);
            return;
        }
        tokens.authenticate(request.getHeader("Authorization")).onComplete(ar -> {
            if (ar.succeeded()) {
                proceed(ctx, route.get(), ar.result(), requestId);
            } else {
                refuse(ctx, ar.cause(), requestId);
            }
        });
    }

    /** The request passed the edge's checks: rate limit, breaker, then the upstream. */
    private void proceed(RoutingContext ctx, Route route, Caller caller, String requestId) {
        if (ctx.response().closed() || ctx.response().ended()) {
            return;
        }
        RateLimits.Decision decision = limits.check(ctx.request().method(), ctx.request().path(), caller);
        RateLimits.Limit limit = decision.limit();
        // The IETF draft's headers (draft-ietf-httpapi-ratelimit-headers), on every answer the limit applied to.
        ctx.response().putHeader("RateLimit-Policy", limit.limit() + ";w=" + limit.period().toSeconds())
                .putHeader("RateLimit-Limit", Long.toString(limit.limit()))
                .putHeader("RateLimit-Remaining", Long.toString(decision.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            settings.metrics().rateLimited(route.upstream().name(), limit.name());
            refuse(ctx, ProblemType.TOO_MANY_REQUESTS, "Rate limit '" + limit.name() + "' of " + limit.limit() + " requests per "
                    + limit.period().toSeconds() + " s reached; retry in " + decision.retryAfterSeconds() + " s.",
                    decision.retryAfterSeconds(), requestId);
            return;
        }
        Optional<String> partnerId = Partner360.partnerId(ctx.request().method(), ctx.request().path());
        if (partnerId.isPresent()) {
            partner360.handle(ctx, partnerId.get(), requestId);
            return;
        }
        String routeName = route.upstream().name();
        CircuitBreaker breaker = breakers.get(routeName);
        if (!breaker.tryAcquire()) {
            settings.metrics().upstreamFailure(routeName, "circuit-open");
            refuse(ctx, ProblemType.SERVICE_UNAVAILABLE, "The " + routeName
                    + " service is failing; calls to it are suspended for a moment.", breaker.retryAfterSeconds(), requestId);
            return;
        }
        try {
            new Exchange(ctx, route, breaker, requestId, settings).start();
        } catch (RuntimeException e) {
            // Without a verdict a half-open breaker would wait for its trial forever.
            breaker.onAbandoned();
            LOG.errorf(e, "request %s: could not forward %s %s", requestId, ctx.request().method(), ctx.request().path());
            ProblemResponses.send(ctx, ProblemType.BAD_GATEWAY, "The request could not be forwarded to the " + routeName + " service.",
                    0, requestId);
        }
    }

    /** A 401 (or a 503 while the realm's keys cannot be had), never forwarded. */
    private void refuse(RoutingContext ctx, Throwable cause, String requestId) {
        if (cause instanceof EdgeTokens.Refused refused) {
            String challenge = refused.getMessage() == null ? "Bearer realm=\"consort\""
                    : "Bearer realm=\"consort\", error=\"invalid_token\", error_description=\"" + refused.getMessage() + "\"";
            ctx.response().putHeader("WWW-Authenticate", challenge);
            refuse(ctx, ProblemType.UNAUTHORIZED, refused.getMessage() == null
                    ? "A bearer token is required: sign in through the realm's login and send the token as 'Authorization: Bearer ...'."
                    : refused.getMessage(), 0, requestId);
        } else if (cause instanceof EdgeTokens.KeysUnavailable) {
            LOG.warnf("request %s: no signing keys to check its token against", requestId);
            refuse(ctx, ProblemType.SERVICE_UNAVAILABLE, "Tokens cannot be checked right now: the realm's signing keys are unavailable.",
                    settings.retryAfterSeconds(), requestId);
        } else {
            LOG.errorf(cause, "request %s: checking its token failed", requestId);
            refuse(ctx, ProblemType.INTERNAL, "The gateway failed unexpectedly; quote the request id to support.", 0, requestId);
        }
    }

    /**
     * Answers a problem without forwarding: on a kept-alive connection when the request has no body, else stopping
     * the request afterwards ({@link ProblemResponses#stopReading}: HTTP/1.x closes, since the unread body would
     * otherwise be taken for the next request; HTTP/2 resets only the request's stream).
     */
    static void refuse(RoutingContext ctx, ProblemType type, String detail, long retryAfterSeconds, String requestId) {
        HttpServerRequest request = ctx.request();
        boolean unreadBody = !request.isEnded() && (Headers.declaredLength(request.headers()) > 0 || request.headers().contains("Transfer-Encoding"));
        ProblemResponses.send(ctx, type, detail, retryAfterSeconds, requestId).onComplete(v -> {
            if (unreadBody) {
                ProblemResponses.stopReading(request);
            }
        });
    }

    /** The client's address: the connection's peer, or the first {@code X-Forwarded-For} entry when those are trusted. */
    private String clientAddress(HttpServerRequest request) {
        if (settings.trustForwardedHeaders()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",", 2)[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The request's id (the client's if sane, else a new one), also set on the answer; the same on every path. */
    private static String requestId(RoutingContext ctx) {
        String id = ctx.response().headers().get(Headers.REQUEST_ID);
        if (id == null) {
            id = RequestIds.accept(ctx.request().getHeader(Headers.REQUEST_ID));
            ctx.response().putHeader(Headers.REQUEST_ID, id);
        }
        return id;
    }

    /**
     * Last resort for anything thrown on this route, and for the requests Vert.x Web refuses before any
     * handler runs (an HTTP/1.1 request without Host, a path it cannot decode): still a problem document,
     * never a stack trace or an empty answer.
     */
    public static void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        String requestId = requestId(ctx);
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            // The client's mistake, as Vert.x Web judged it; its messages name the rule (e.g. the missing Host).
            ProblemType type = ProblemType.forStatus(status);
            Throwable failure = ctx.failure();
            String detail = failure instanceof VertxException && failure.getMessage() != null ? failure.getMessage() + "."
                    : type.title() + ".";
            ProblemResponses.send(ctx, type, detail, 0, requestId);
            return;
        }
        LOG.errorf(ctx.failure(), "request %s: unexpected failure (status %d) on %s %s", requestId, status, ctx.request().method(),
                ctx.request().path());
        ProblemResponses.send(ctx, ProblemType.INTERNAL, "The gateway failed unexpectedly; quote the request id to support.", 0,
                requestId);
    }
}
