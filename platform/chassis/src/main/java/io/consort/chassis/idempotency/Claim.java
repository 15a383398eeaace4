package io.consort.chassis.idempotency;

import java.util.UUID;

/** What the store says about a key when a request arrives. */
public sealed interface Claim {

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
