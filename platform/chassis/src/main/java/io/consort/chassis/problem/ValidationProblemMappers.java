package io.consort.chassis.problem;

import static io.consort.chassis.problem.ProblemMappers.REQUEST_ID_HEADER;
import static io.consort.chassis.problem.ProblemMappers.internal;
import static io.consort.chassis.problem.ProblemMappers.path;
import static io.consort.chassis.problem.ProblemMappers.toResponse;

import io.consort.contracts.ProblemType;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Bean Validation failures (on a body or a parameter): 400 {@code validation}, {@code errors[].field} the
 * JSON path or the parameter name. Part of the chassis' problem mapping (see {@link ProblemMappers}).
 */
public class ValidationProblemMappers {

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri, HttpHeaders headers) {
        return violations(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        return violations(e, uri, headers);
    }

    private Response violations(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getConstraintViolations().stream().anyMatch(ValidationProblemMappers::isReturnValue)) {
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

    static boolean isReturnValue(ConstraintViolation<?> v) {
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
}
