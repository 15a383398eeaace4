package io.consort.chassis.problem;

import static io.consort.chassis.problem.ProblemMappers.REQUEST_ID_HEADER;
import static io.consort.chassis.problem.ProblemMappers.internal;
import static io.consort.chassis.problem.ProblemMappers.path;
import static io.consort.chassis.problem.ProblemMappers.toResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.consort.contracts.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JAX-RS's own exceptions (404, 405, 406, 415; an unconvertible path or query parameter is a 400), without
 * echoing framework messages. Part of the chassis' problem mapping (see {@link ProblemMappers}).
 */
public class JaxRsProblemMappers {

    /** The JSON mappers, for body-reading failures RESTEasy hands over wrapped in a 400. */
    private static final JsonProblemMappers JSON = new JsonProblemMappers();

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
                return JSON.json(json, uri);
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
    static String unsupportedMediaType(String method, UriInfo uri) {
        java.util.Set<String> takes = method == null ? java.util.Set.of()
                : ConsumedMediaTypes.of(method, "/" + uri.getPath().replaceFirst("^/+", ""));
        if (takes.isEmpty()) {
            return "Unsupported content type for this endpoint";
        }
        return "Unsupported content type; this endpoint takes " + String.join(" or ", takes);
    }

    /** Framework messages can echo internals (class names, parameter converters), so use our own. */
    static String detailFor(int status, ProblemType type) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "No acceptable representation; this API answers application/json";
            default -> type.title();
        };
    }
}
