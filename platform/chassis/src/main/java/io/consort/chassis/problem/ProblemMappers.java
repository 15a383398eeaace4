package io.consort.chassis.problem;

import io.consort.chassis.logging.RequestIds;
import io.consort.contracts.ProblemType;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json. Mappers for framework exceptions are declared for
 * the exact types Quarkus maps itself, because RESTEasy Reactive prefers the closest type and only
 * then the user's mapper over its built-in one. One class per concern: {@link ValidationProblemMappers},
 * {@link JsonProblemMappers}, {@link JaxRsProblemMappers}, {@link SecurityProblemMappers}; this one maps
 * {@link ProblemException}, persistence failures and everything else (the 500), and holds what they
 * share ({@link #toResponse}, {@link #internal}, {@link #path}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e, path(uri));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return any(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri, HttpHeaders headers) {
        return any(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri, HttpHeaders headers) {
        return toResponse(e, uri, headers == null ? null : headers.getHeaderString(REQUEST_ID_HEADER));
    }

    /**
     * The problem answer for any failure, also for callers outside the mapper chain (a commit in a
     * filter); {@code requestId} is the gateway's request id, used when no request id was assigned.
     */
    public static Response toResponse(Throwable e, UriInfo uri, String requestId) {
        // Persistence failures arrive wrapped (PersistenceException, RollbackException from the commit
        // of @Transactional, ArcUndeclaredThrowableException), so look through the cause chain.
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return ProblemResponses.of(p, path(uri));
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return ProblemResponses.of(ProblemType.CONCURRENT_MODIFICATION,
                        "The resource was changed by someone else meanwhile; read it again and retry", path(uri));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && c.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return ProblemResponses.of(ProblemType.CONFLICT,
                        "A resource with the same unique values already exists",
                        path(uri));
            }
            if (t instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                return ProblemResponses.of(ProblemType.CONFLICT,
                        "A resource with the same unique values already exists",
                        path(uri));
            }
            if (DatabaseOutage.is(t)) {
                ProblemException outage = DatabaseOutage.problem(t);
                LOG.warnf("%s on %s: %s", outage.getMessage(), path(uri), t);
                return ProblemResponses.of(outage, path(uri));
            }
        }
        return internal(e, uri, requestId);
    }

    static Response internal(Throwable e, UriInfo uri, HttpHeaders headers) {
        return internal(e, uri, headers == null ? null : headers.getHeaderString(REQUEST_ID_HEADER));
    }

    static Response internal(Throwable e, UriInfo uri, String fromGateway) {
        return internal(e, path(uri), fromGateway);
    }

    /**
     * The 500 answer: the request's id in the body ({@code requestId}), the stack trace only in the log. The
     * id is the one {@link RequestIds} gave the request (the gateway's, when usable); outside a request,
     * the gateway's header as given, else a new one.
     */
    public static Response internal(Throwable e, String instance, String fromGateway) {
        String requestId = RequestIds.current();
        if (requestId == null) {
            requestId = RequestIds.accept(fromGateway);
        }
        LOG.errorf(e, "Unhandled failure on %s, requestId=%s", instance, requestId);
        ProblemType t = ProblemType.INTERNAL;
        Problem problem = new Problem(t.uri(), t.title(), 500,
                "An unexpected error occurred; quote the requestId when reporting it", null, null, requestId);
        return ProblemResponses.of(problem, instance);
    }

    public static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
