package io.consort.chassis.idempotency;

import io.consort.chassis.problem.ProblemException;
import io.consort.contracts.ProblemType;
import java.util.Map;
import java.util.UUID;

/** What the store says about a key when a request arrives. */
public sealed interface Claim {

    /**
     * This claim if the request may go on ({@link Owned}) or be answered from the store ({@link Replay});
     * a 422 problem when the key belongs to another request, a 409 with {@code Retry-After} (detail
     * {@code running}) while one with the key still runs. Every keyed POST answers these two the same way.
     */
    default Claim orRefuse(String running) {
        if (this instanceof Mismatch) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.IDEMPOTENCY_KEY_REUSED.title(),
                    "This Idempotency-Key was already used for a different request", null, Map.of());
        }
        if (this instanceof InProgress) {
            throw new ProblemException(ProblemType.REQUEST_IN_PROGRESS, ProblemType.REQUEST_IN_PROGRESS.title(), running,
                    null, Map.of("Retry-After", "1"));
        }
        return this;
    }

    /** This request owns the key and runs; {@code token} proves ownership when completing. */
    record Owned(UUID token) implements Claim {
    }

    /** A previous request with the same key and body completed: answer with its response. */
    record Replay(StoredResponse response) implements Claim {
    }

    /** The key was used for a different request (body, method or path). */
    record Mismatch() implements Claim {
    }

    /** A request with this key is still running. */
    record InProgress() implements Claim {
    }
}
