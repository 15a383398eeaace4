package io.consort.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    private static final List<Map.Entry<String, String>> NO_HEADERS = List.of();

    @Test
    void aRequestTargetIsAcceptedUpToTheLimitAndRefusedPastIt() {
        assertNull(RequestLimits.check("/" + "a".repeat(RequestLimits.MAX_URI_LENGTH - 1), NO_HEADERS));
        RequestLimits.Refusal refusal = RequestLimits.check("/" + "a".repeat(RequestLimits.MAX_URI_LENGTH), NO_HEADERS);
        assertEquals(ProblemType.URI_TOO_LONG, refusal.type());
        assertEquals("The request target is 8193 characters long; at most 8192 are accepted.", refusal.detail());
    }

    @Test
    void headerFieldsCountAsOnTheWireNameValueSeparatorAndLineEnd() {
        // Two fields of 4 + value + 4 bytes each: exactly the limit, then one byte more.
        int value = RequestLimits.MAX_HEADER_BYTES / 2 - 8;
        assertNull(RequestLimits.check("/", List.of(Map.entry("X-Aa", "a".repeat(value)), Map.entry("X-Bb", "b".repeat(value)))));
        RequestLimits.Refusal refusal = RequestLimits.check("/",
                List.of(Map.entry("X-Aa", "a".repeat(value)), Map.entry("X-Bb", "b".repeat(value + 1))));
        assertEquals(ProblemType.HEADERS_TOO_LARGE, refusal.type());
        assertEquals(431, refusal.type().status());
    }

    @Test
    void theTypeUrisAreTheSuitesStableOnes() {
        assertEquals("https://consort.io/problems/uri-too-long", ProblemType.URI_TOO_LONG.uri().toString());
        assertEquals("https://consort.io/problems/headers-too-large", ProblemType.HEADERS_TOO_LARGE.uri().toString());
        assertEquals(ProblemType.BAD_GATEWAY, ProblemType.forStatus(502));
    }
}
