package io.consort.chassis.problem;

import io.consort.chassis.logging.RequestIds;
import io.consort.contracts.ProblemType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Builds the HTTP answer for a {@link Problem}; shared by the mappers, the Vert.x routes and the idempotency
 * filter. Every problem carries the current request's {@code requestId} ({@link RequestIds}).
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem, String instance) {
        return of(problem, instance, Map.of());
    }

    public static Response of(Problem problem, String instance, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(instance)
                        .withRequestId(problem.requestId() != null ? problem.requestId() : RequestIds.current()));
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response of(ProblemException e, String instance) {
        return of(e.toProblem(), instance, e.headers());
    }

    public static Response of(ProblemType type, String detail, String instance) {
        return of(new Problem(type.uri(), type.title(), type.status(), detail, null, null, null), instance);
    }
}
