package io.consort.chassis.problem;

import static io.consort.chassis.problem.ProblemMappers.REQUEST_ID_HEADER;
import static io.consort.chassis.problem.ProblemMappers.internal;
import static io.consort.chassis.problem.ProblemMappers.path;
import static io.consort.chassis.problem.ProblemMappers.toResponse;

import io.consort.contracts.ProblemType;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Authentication and authorization failures: 401 with the authenticator's {@code WWW-Authenticate} challenge,
 * 403, and 503 when the identity provider cannot be reached. Part of the chassis' problem mapping (see {@link
 * ProblemMappers}).
 */
public class SecurityProblemMappers {

    private static final Logger LOG = Logger.getLogger(SecurityProblemMappers.class);

    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext routing, UriInfo uri) {
        return challenge(routing, uri, "Authentication is required");
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext routing, UriInfo uri) {
        if (IdentityProvider.unreachable(e)) {
            return Uni.createFrom().item(identityProviderUnavailable(e, path(uri)));
        }
        return challenge(routing, uri, "The credentials are missing, invalid or expired");
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationCompletion(AuthenticationCompletionException e, RoutingContext routing,
            UriInfo uri) {
        if (IdentityProvider.unreachable(e)) {
            return Uni.createFrom().item(identityProviderUnavailable(e, path(uri)));
        }
        return challenge(routing, uri, "The credentials are missing, invalid or expired");
    }

    @ServerExceptionMapper
    public Response oidc(io.quarkus.oidc.OIDCException e, UriInfo uri, HttpHeaders headers) {
        if (IdentityProvider.unreachable(e)) {
            return identityProviderUnavailable(e, path(uri));
        }
        return internal(e, uri, headers);
    }

    /**
     * Keycloak could not be asked for its keys: the token may well be valid, so this is our outage
     * (503, retry later), not the caller's bad credentials (401) nor a bug (500).
     */
    public static Response identityProviderUnavailable(Throwable e, String instance) {
        LOG.warnf("Identity provider unreachable while verifying a token on %s: %s", instance, e);
        return ProblemResponses.of(Problems.serviceUnavailable(
                "The identity provider cannot be reached to verify the token; retry later",
                IdentityProvider.RETRY_AFTER), instance);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(ProblemType.FORBIDDEN, "Your role does not allow this operation", path(uri));
    }

    /** Keeps the authenticator's challenge header (e.g. {@code WWW-Authenticate: Bearer}). */
    private Uni<Response> challenge(RoutingContext routing, UriInfo uri, String detail) {
        return challenge(routing, path(uri), detail);
    }

    static Uni<Response> challenge(RoutingContext routing, String instance, String detail) {
        HttpAuthenticator authenticator = routing == null ? null : routing.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(unauthorizedResponse(instance, detail, null));
        }
        return authenticator.getChallenge(routing)
                .map(challenge -> unauthorizedResponse(instance, detail, challenge))
                .onFailure().recoverWithItem(() -> unauthorizedResponse(instance, detail, null));
    }

    static Response unauthorizedResponse(String instance, String detail, ChallengeData challenge) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (challenge != null && challenge.getHeaders() != null && !challenge.getHeaders().isEmpty()) {
            challenge.getHeaders().forEach((name, value) -> headers.put(name.toString(), value));
        } else {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        ProblemType t = ProblemType.UNAUTHORIZED;
        return ProblemResponses.of(new Problem(t.uri(), t.title(), 401, detail, null, null, null), instance, headers);
    }
}
