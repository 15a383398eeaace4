package io.consort.campaign.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, at the precision PostgreSQL stores, so a value read back equals the one written (keyset cursors, deadlines). */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
