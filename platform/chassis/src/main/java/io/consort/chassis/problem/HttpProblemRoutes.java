package io.consort.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.contracts.ProblemType;
import io.consort.contracts.RequestHead;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem+json for the answers Vert.x gives before (or instead of) RESTEasy: a path no resource
 * matches, a request head {@link RequestHead} refuses (no single Host, two credentials, too long a target,
 * too many header bytes), a body over {@code quarkus.http.limits.max-body-size}, and failures of the HTTP
 * security layer. What reaches RESTEasy is answered by {@link ProblemMappers}; the bodies come from the
 * same {@link ProblemResponses}, so both layers answer alike.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);
    private static final String CREDENTIALS = "The credentials are missing, invalid or expired";

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseBadHead);
        // Quarkus refuses a declared Content-Length over the limit with a bare 413 at order
        // ROUTE_ORDER_UPLOAD_LIMIT; answering one step earlier gives the same refusal a body.
        maxBodySize.ifPresent(limit -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(ctx -> refuseDeclaredOversize(ctx, limit.asLongValue())));
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        // RESTEasy passes requests it has no resource for down the router; this is the end of it.
        router.route().last().handler(this::notFound);
    }

    private void notFound(RoutingContext ctx) {
        send(ctx, ProblemResponses.of(ProblemType.NOT_FOUND, "No resource at this path", instance(ctx)));
    }

    private void challenge(RoutingContext ctx, String instance) {
        SecurityProblemMappers.challenge(ctx, instance, CREDENTIALS)
                .subscribe().with(r -> send(ctx, r),
                        e -> send(ctx, SecurityProblemMappers.unauthorizedResponse(instance, CREDENTIALS, null)));
    }

    private void refuseBadHead(RoutingContext ctx) {
        RequestHead.Refusal refusal = RequestHead.check(ctx.request().version() == HttpVersion.HTTP_1_1, ctx.request().uri(),
                ctx.request().headers());
        if (refusal == null) {
            ctx.next();
            return;
        }
        refuseUnread(ctx, ProblemResponses.of(refusal.type(), refusal.detail(), instance(ctx)));
    }

    /** Answers a request refused before its body was read: the unread body leaves the connection unusable. */
    private void refuseUnread(RoutingContext ctx, Response problem) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(ctx, problem);
    }

    private void refuseDeclaredOversize(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    refuseUnread(ctx, tooLarge(ctx, limit));
                    return;
                }
            } catch (NumberFormatException e) {
                // Quarkus's own check and the HTTP codec deal with a malformed length.
            }
        }
        ctx.next();
    }

    private Response tooLarge(RoutingContext ctx, long limit) {
        return ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes this service accepts", instance(ctx));
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        String instance = instance(ctx);
        if (failure != null && IdentityProvider.unreachable(failure)) {
            send(ctx, SecurityProblemMappers.identityProviderUnavailable(failure, instance));
            return;
        }
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException) {
            challenge(ctx, instance);
            return;
        }
        if (failure instanceof ForbiddenException) {
            send(ctx, ProblemResponses.of(ProblemType.FORBIDDEN, "Your role does not allow this operation", instance));
            return;
        }
        if (failure instanceof ProblemException p) {
            send(ctx, ProblemResponses.of(p, instance));
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (status == 413) {
            send(ctx, maxBodySize.map(m -> tooLarge(ctx, m.asLongValue())).orElseGet(() ->
                    ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large", instance)));
        } else if (status >= 400 && status < 500) {
            ProblemType type = ProblemType.forStatus(status);
            Problem problem = new Problem(type.uri(), type.title(), status, type.title(), null, null, null);
            send(ctx, ProblemResponses.of(problem, instance));
        } else {
            send(ctx, ProblemMappers.internal(failure == null ? new IllegalStateException("HTTP " + status) : failure,
                    instance, ctx.request().getHeader(ProblemMappers.REQUEST_ID_HEADER)));
        }
    }

    private void send(RoutingContext ctx, Response problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            return;
        }
        String body;
        try {
            body = objectMapper.writeValueAsString(problem.getEntity());
        } catch (JsonProcessingException e) {
            LOG.error("Cannot serialize a problem", e);
            body = "";
        }
        response.setStatusCode(problem.getStatus());
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE.toString())) {
                response.putHeader(name, (Iterable<String>) List.copyOf(values));
            }
        });
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.end(body);
    }

    private static String instance(RoutingContext ctx) {
        return ctx.request().path();
    }
}
