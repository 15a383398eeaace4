package io.consort.gateway.proxy;

import io.consort.contracts.ProblemType;
import io.consort.contracts.RequestHead;
import io.consort.gateway.routing.Paths;
import io.consort.gateway.routing.Route;
import io.consort.gateway.routing.RoutingTable;
import io.vertx.core.Handler;
import io.vertx.core.VertxException;
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
    private static final String ADMIN_PREFIX = "/api/v1/admin";

    private final RoutingTable table;
    private final Map<String, CircuitBreaker> breakers;
    private final ProxySettings settings;
    private final String ownPrefix;

    public ProxyHandler(RoutingTable table, Map<String, CircuitBreaker> breakers, ProxySettings settings, String ownPrefix) {
        this.table = table;
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
        Optional<Route> route = Paths.hasDotSegment(path) ? Optional.empty() : table.match(path);
        String routeName = route.map(r -> r.upstream().name()).orElse(RouteMetrics.UNROUTED);
        ctx.addEndHandler(ended -> settings.metrics().request(routeName, ctx.request().method().name(),
                ended.succeeded() ? ctx.response().getStatusCode() : 0, System.nanoTime() - started));

        if (Paths.hasDotSegment(path)) {
            ProblemResponses.send(ctx, ProblemType.BAD_REQUEST, "Paths with '.' or '..' segments are not accepted.", 0, requestId);
            return;
        }
        if (route.isEmpty()) {
            String detail = path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")
                    ? "Administrative endpoints belong to each service and are not exposed through the gateway."
                    : "No service serves " + path + ".";
            ProblemResponses.send(ctx, ProblemType.NOT_FOUND, detail, 0, requestId);
            return;
        }
        if (Headers.declaredLength(ctx.request().headers()) > settings.maxBodyBytes()) {
            ProblemResponses.refuseUnread(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds "
                    + settings.maxBodyBytes() + " bytes.", requestId);
            return;
        }
        CircuitBreaker breaker = breakers.get(routeName);
        if (!breaker.tryAcquire()) {
            settings.metrics().upstreamFailure(routeName, "circuit-open");
            ProblemResponses.send(ctx, ProblemType.SERVICE_UNAVAILABLE, "The " + routeName
                    + " service is failing; calls to it are suspended for a moment.", breaker.retryAfterSeconds(), requestId);
            return;
        }
        try {
            new Exchange(ctx, route.get(), breaker, requestId, settings).start();
        } catch (RuntimeException e) {
            // Without a verdict a half-open breaker would wait for its trial forever.
            breaker.onAbandoned();
            LOG.errorf(e, "request %s: could not forward %s %s", requestId, ctx.request().method(), path);
            ProblemResponses.send(ctx, ProblemType.BAD_GATEWAY, "The request could not be forwarded to the " + routeName + " service.",
                    0, requestId);
        }
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
