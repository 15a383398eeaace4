package io.consort.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadTest {

    private static final List<Map.Entry<String, String>> HOST = List.of(Map.entry("Host", "gw"));

    @Test
    void aRequestTargetIsAcceptedUpToTheLimitAndRefusedPastIt() {
        assertNull(RequestHead.check(true, "/" + "a".repeat(RequestHead.MAX_URI_LENGTH - 1), HOST));
        RequestHead.Refusal refusal = RequestHead.check(true, "/" + "a".repeat(RequestHead.MAX_URI_LENGTH), HOST);
        assertEquals(ProblemType.URI_TOO_LONG, refusal.type());
        assertEquals("The request target is 8193 characters long; at most 8192 are accepted.", refusal.detail());
    }

    @Test
    void headerFieldsCountAsOnTheWireNameValueSeparatorAndLineEnd() {
        // Host (4 + 2 + 4 bytes) and two fields of 4 + value + 4 bytes each: exactly the limit, then one byte more.
        int value = (RequestHead.MAX_HEADER_BYTES - 10) / 2 - 8;
        assertNull(RequestHead.check(true, "/", List.of(Map.entry("Host", "gw"), Map.entry("X-Aa", "a".repeat(value)),
                Map.entry("X-Bb", "b".repeat(value)))));
        RequestHead.Refusal refusal = RequestHead.check(true, "/", List.of(Map.entry("Host", "gw"),
                Map.entry("X-Aa", "a".repeat(value)), Map.entry("X-Bb", "b".repeat(value + 1))));
        assertEquals(ProblemType.HEADERS_TOO_LARGE, refusal.type());
        assertEquals(431, refusal.type().status());
    }

    @Test
    void anHttp11RequestNamesExactlyOneHost() {
        assertEquals(ProblemType.BAD_REQUEST, RequestHead.check(true, "/", List.of()).type());
        assertEquals(ProblemType.BAD_REQUEST, RequestHead.check(true, "/", List.of(Map.entry("host", " "))).type());
        assertEquals(ProblemType.BAD_REQUEST,
                RequestHead.check(true, "/", List.of(Map.entry("Host", "a"), Map.entry("Host", "b"))).type());
        assertNull(RequestHead.check(true, "/", List.of(Map.entry("host", "gw:8080"))));
        // HTTP/1.0 needs none; HTTP/2 carries :authority instead.
        assertNull(RequestHead.check(false, "/", List.of()));
    }

    @Test
    void aRequestCarriesAtMostOneAuthorization() {
        assertNull(RequestHead.check(true, "/", List.of(Map.entry("Host", "gw"), Map.entry("Authorization", "Bearer a"))));
        RequestHead.Refusal refusal = RequestHead.check(true, "/", List.of(Map.entry("Host", "gw"),
                Map.entry("Authorization", "Bearer a"), Map.entry("authorization", "Bearer b")));
        assertEquals(ProblemType.BAD_REQUEST, refusal.type());
        assertEquals("A request may carry one Authorization header, not 2.", refusal.detail());
    }

    @Test
    void theTypeUrisAreTheSuitesStableOnes() {
        assertEquals("https://consort.io/problems/uri-too-long", ProblemType.URI_TOO_LONG.uri().toString());
        assertEquals("https://consort.io/problems/headers-too-large", ProblemType.HEADERS_TOO_LARGE.uri().toString());
        assertEquals(ProblemType.BAD_GATEWAY, ProblemType.forStatus(502));
    }
}
