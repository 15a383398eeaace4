package io.consort.chassis.idempotency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayableAnswersTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204, 400, 404, 413, 415, 422})
    void finalAnswersAreReplayedForTheSameKey(int status) {
        assertTrue(IdempotencyFilter.worthReplaying(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 423, 425, 429, 500, 502, 503, 504})
    void notNowAnswersLeaveTheKeyFreeForARetry(int status) {
        assertFalse(IdempotencyFilter.worthReplaying(status));
    }
}
