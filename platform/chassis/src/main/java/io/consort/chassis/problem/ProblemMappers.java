package io.consort.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.consort.chassis.logging.RequestIds;
import io.consort.contracts.ProblemType;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json. Mappers for framework exceptions are declared for
 * the exact types Quarkus maps itself, because RESTEasy Reactive prefers the closest type and only
 * then the user's mapper over its built-in one.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e, path(uri));
    }

    // --- bean validation -------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri, HttpHeaders headers) {
        return violations(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        return violations(e, uri, headers);
    }

    private Response violations(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            // An invalid answer is our bug, not the client's.
            return internal(e, uri, headers);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ProblemResponses.of(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                detail, null, errors, null), path(uri));
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client-facing path of a violation: drops the Java method and, for a body parameter, the
     * parameter name ({@code create.request.idealProfile.regions[0]} becomes
     * {@code idealProfile.regions[0]}); a violation on a scalar parameter keeps the parameter name.
     */
    static String fieldPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node n : nodes) {
            switch (n.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                case PARAMETER -> {
                    parameter = n.getName();
                    continue;
                }
                default -> {
                }
            }
            if (n.isInIterable()) {
                Object key = n.getIndex() != null ? n.getIndex() : n.getKey();
                out.append('[').append(key == null ? "" : key).append(']');
            }
            String name = n.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<") && n.getKind() != ElementKind.BEAN) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        if (out.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return out.toString();
    }

    // --- JSON bodies -----------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return fieldProblem(field, "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum()) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        } else {
            message = "must be " + describe(target);
        }
        return fieldProblem(field, message, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return ProblemResponses.of(ProblemType.BAD_REQUEST, "The request body is not the expected JSON "
                    + describe(e.getTargetType()), path(uri));
        }
        return fieldProblem(field, "must be " + describe(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : "is invalid";
        return field.isEmpty() ? ProblemResponses.of(ProblemType.BAD_REQUEST, reason, path(uri))
                : fieldProblem(field, reason, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(StreamReadException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        // Bytes the parser could not read (not UTF-8, say) while binding a field: the body is malformed, not the field.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException unreadable) {
                return malformed(unreadable, uri);
            }
        }
        if (e instanceof JsonMappingException m && !jsonPath(m).isEmpty()) {
            return fieldProblem(jsonPath(m), "is invalid", uri);
        }
        return malformed(e, uri);
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(u, uri);
        }
        if (e instanceof InvalidFormatException i) {
            return invalidFormat(i, uri);
        }
        if (e instanceof ValueInstantiationException v) {
            return valueInstantiation(v, uri);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (e instanceof StreamReadException r) {
            return malformed(r, uri);
        }
        return otherJson(e, uri);
    }

    private Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().contains("Invalid UTF-8")
                ? "The request body is not UTF-8, which JSON must be (RFC 8259),"
                : "The request body is not well-formed JSON";
        return ProblemResponses.of(ProblemType.BAD_REQUEST, what + where, path(uri));
    }

    private Response fieldProblem(String field, String message, UriInfo uri) {
        String name = field.isEmpty() ? "body" : field;
        return ProblemResponses.of(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                name + ": " + message, null, List.of(new Problem.FieldError(name, message)), null), path(uri));
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 timestamp";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    // --- JAX-RS ----------------------------------------------------------------------------------

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers,
            io.vertx.core.http.HttpServerRequest request) {
        if (e instanceof org.jboss.resteasy.reactive.ClientWebApplicationException) {
            // A REST client call of ours failed: its status describes the downstream service, not this
            // request, so it must not reach the caller as if it were ours.
            return internal(e, uri, headers);
        }
        // RESTEasy Reactive wraps body-reading failures (malformed JSON) in a 400 WebApplicationException.
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json(json, uri);
            }
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a @PathParam/@QueryParam value cannot be converted (a UUID that is
            // not one); the client sent a malformed request, so say so.
            return ProblemResponses.of(ProblemType.BAD_REQUEST,
                    "A path or query parameter has a value of the wrong type", path(uri));
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return internal(e, uri, headers);
        }
        ProblemType type = ProblemType.forStatus(status);
        Map<String, String> extra = new LinkedHashMap<>();
        if (original != null) {
            // Allow (405), Retry-After and the like must survive; the body and its type are replaced.
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                        && !values.isEmpty()) {
                    extra.put(name, String.join(", ", values));
                }
            });
        }
        String detail = status == 415 ? unsupportedMediaType(request.method().name(), uri) : detailFor(status, type);
        Problem problem = new Problem(type.uri(), type.title(), status, detail, null, null, null);
        return ProblemResponses.of(problem, path(uri), extra);
    }

    /** A 415 names what the endpoint takes (application/x-ndjson for a bulk import), not a guess. */
    private static String unsupportedMediaType(String method, UriInfo uri) {
        java.util.Set<String> takes = method == null ? java.util.Set.of()
                : ConsumedMediaTypes.of(method, "/" + uri.getPath().replaceFirst("^/+", ""));
        if (takes.isEmpty()) {
            return "Unsupported content type for this endpoint";
        }
        return "Unsupported content type; this endpoint takes " + String.join(" or ", takes);
    }

    /** Framework messages can echo internals (class names, parameter converters), so use our own. */
    private static String detailFor(int status, ProblemType type) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; this API answers application/json";
            default -> type.title();
        };
    }

    // --- security --------------------------------------------------------------------------------

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

    // --- persistence and everything else ---------------------------------------------------------

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
                LOG.warnf("Database unreachable on %s: %s", path(uri), t);
                return ProblemResponses.of(DatabaseOutage.problem(), path(uri));
            }
        }
        return internal(e, uri, requestId);
    }

    private static Response internal(Throwable e, UriInfo uri, HttpHeaders headers) {
        return internal(e, uri, headers == null ? null : headers.getHeaderString(REQUEST_ID_HEADER));
    }

    private static Response internal(Throwable e, UriInfo uri, String fromGateway) {
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
