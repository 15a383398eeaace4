package io.consort.chassis.problem;

import io.consort.contracts.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Factory for the problems a service throws; every method returns, the caller throws. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }

    /** 400 with per-field errors, like a bean-validation failure but raised by code. */
    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, ProblemType.VALIDATION.title(), detail, errors, Map.of());
    }

    /** 400 naming one field. */
    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** 404; also the answer for another partner's resource, so its existence does not leak. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return notFound(what + " " + id + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
    }

    /** 428: the change needs an {@code If-Match}, so that no one overwrites a version they never saw. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED, detail);
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail);
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return withRetryAfter(ProblemType.TOO_MANY_REQUESTS, detail, retryAfter);
    }

    public static ProblemException serviceUnavailable(String detail, Duration retryAfter) {
        return withRetryAfter(ProblemType.SERVICE_UNAVAILABLE, detail, retryAfter);
    }

    private static ProblemException withRetryAfter(ProblemType type, String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(type, type.title(), detail, null, Map.of("Retry-After", Long.toString(seconds)));
    }
}
