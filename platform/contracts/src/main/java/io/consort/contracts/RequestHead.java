package io.consort.contracts;

import java.util.Map;

/**
 * What a request's head must be for the suite to read it: an HTTP/1.1 request names exactly one
 * {@code Host} (RFC 9112, 3.2: a server must refuse it otherwise; without it a service cannot build a
 * {@code Location}), at most one {@code Authorization} (two credentials leave it to each hop which one
 * counts: the gateway, a service and anything between must not disagree on who is calling), a request target (path and query) of at most {@link #MAX_URI_LENGTH} characters and
 * header fields of at most {@link #MAX_HEADER_BYTES} together. The gateway and every service refuse any
 * other with a 400, 414 or 431 problem. (The HTTP codec's own limits, {@code quarkus.http.limits.*}, sit
 * well above these: the codec refuses with a bare status before any handler can answer.)
 */
public final class RequestHead {

    /** The longest request target accepted, in characters: what nginx and most proxies take by default. */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** The most header bytes accepted, counted as on the wire: each field's name, value, ": " and CRLF. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    /** Why a request's head is refused: the problem to answer and its detail. */
    public record Refusal(ProblemType type, String detail) {
    }

    private RequestHead() {
    }

    /**
     * The refusal for a request whose head breaks a rule, or null when it keeps them all.
     *
     * @param http11 whether the request is HTTP/1.1 (HTTP/1.0 needs no Host; HTTP/2 has {@code :authority})
     */
    public static Refusal check(boolean http11, String uri, Iterable<Map.Entry<String, String>> headers) {
        if (uri != null && uri.length() > MAX_URI_LENGTH) {
            return new Refusal(ProblemType.URI_TOO_LONG, "The request target is " + uri.length()
                    + " characters long; at most " + MAX_URI_LENGTH + " are accepted.");
        }
        long bytes = 0;
        int hosts = 0;
        int authorizations = 0;
        boolean blankHost = false;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
            if (header.getKey().equalsIgnoreCase("Host")) {
                hosts++;
                blankHost |= header.getValue().isBlank();
            } else if (header.getKey().equalsIgnoreCase("Authorization")) {
                authorizations++;
            }
        }
        if (bytes > MAX_HEADER_BYTES) {
            return new Refusal(ProblemType.HEADERS_TOO_LARGE, "The request's header fields take " + bytes
                    + " bytes; at most " + MAX_HEADER_BYTES + " are accepted.");
        }
        if (http11 && (hosts != 1 || blankHost)) {
            return new Refusal(ProblemType.BAD_REQUEST, "An HTTP/1.1 request must name exactly one Host.");
        }
        if (authorizations > 1) {
            return new Refusal(ProblemType.BAD_REQUEST, "A request may carry one Authorization header, not "
                    + authorizations + ".");
        }
        return null;
    }
}
