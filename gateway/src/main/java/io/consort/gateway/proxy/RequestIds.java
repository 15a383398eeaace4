package io.consort.gateway.proxy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return fresh();
    }

    /**
     * A random (version 4) UUID from the thread's own generator. A request id ties log lines together and guards
     * nothing, so it needs no {@code SecureRandom}: {@code UUID.randomUUID()} takes the JDK's shared one, which on
     * Linux reads {@code /dev/urandom} under a lock, on every request that came without an id.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }
}
