package io.consort.recruitment.application;

import java.time.Instant;
import java.util.Objects;

/**
 * One question a reviewer put to the applicant and, once given, the answer. Stored in the
 * application's {@code info_requests} column; immutable, so answering makes a new one.
 */
public record InfoRequest(String question, String askedBy, Instant askedAt, String answer, String answeredBy,
        Instant answeredAt) {

    static InfoRequest ask(String question, String by, Instant at) {
        return new InfoRequest(Objects.requireNonNull(question), Objects.requireNonNull(by),
                Objects.requireNonNull(at), null, null, null);
    }

    InfoRequest answer(String text, String by, Instant at) {
        return new InfoRequest(question, askedBy, askedAt, Objects.requireNonNull(text), Objects.requireNonNull(by),
                Objects.requireNonNull(at));
    }

    boolean isOpen() {
        return answeredAt == null;
    }
}
