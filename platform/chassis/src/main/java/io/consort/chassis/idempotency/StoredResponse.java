package io.consort.chassis.idempotency;

import java.util.Map;

/** The first answer to an idempotent request, as replayed to its retries. */
public record StoredResponse(int status, Map<String, String> headers, String contentType, byte[] body) {
}
