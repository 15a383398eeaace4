package io.consort.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a client's request to the log lines of every service it touched. */
public final class RequestIds {

    // Generous enough for UUIDs, ULIDs and most tracing ids, strict enough that a log line cannot be forged with it.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private RequestIds() {
    }

    /** The client's id when it is a sane token, otherwise a fresh UUID. */
    public static String accept(String fromClient) {
        if (fromClient != null && ACCEPTABLE.matcher(fromClient).matches()) {
            return fromClient;
        }
        return UUID.randomUUID().toString();
    }
}
