package io.consort.contracts;

import java.util.Map;

/**
 * How large a request's head may be: a request target (path and query) of at most {@link #MAX_URI_LENGTH}
 * characters and header fields of at most {@link #MAX_HEADER_BYTES} together. The gateway and every
 * service refuse more with a 414 or 431 problem. (The HTTP codec's own limits, {@code quarkus.http.limits.*},
 * sit well above these: the codec refuses with a bare status before any handler can answer.)
 */
public final class RequestLimits {

    /** The longest request target accepted, in characters: what nginx and most proxies take by default. */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** The most header bytes accepted, counted as on the wire: each field's name, value, ": " and CRLF. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    /** Why a request's head is refused: the problem to answer and its detail. */
    public record Refusal(ProblemType type, String detail) {
    }

    private RequestLimits() {
    }

    /** The refusal for a request whose head is over a limit, or null when it is within both. */
    public static Refusal check(String uri, Iterable<Map.Entry<String, String>> headers) {
        if (uri != null && uri.length() > MAX_URI_LENGTH) {
            return new Refusal(ProblemType.URI_TOO_LONG, "The request target is " + uri.length()
                    + " characters long; at most " + MAX_URI_LENGTH + " are accepted.");
        }
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (bytes > MAX_HEADER_BYTES) {
            return new Refusal(ProblemType.HEADERS_TOO_LARGE, "The request's header fields take " + bytes
                    + " bytes; at most " + MAX_HEADER_BYTES + " are accepted.");
        }
        return null;
    }
}
