package io.consort.chassis.paging;

import io.consort.chassis.problem.Problems;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position {@code (createdAt, id)}: the last row of a page. Encoded as URL-safe base64 of
 * a versioned binary form so clients treat it as opaque and we can change it later.
 */
public record Cursor(Instant createdAt, UUID id) {

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + 8 + 4 + 16;

    public Cursor {
        if (createdAt == null || id == null) {
            throw new IllegalArgumentException("cursor needs createdAt and id");
        }
    }

    public String encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(VERSION);
        b.putLong(createdAt.getEpochSecond());
        b.putInt(createdAt.getNano());
        b.putLong(id.getMostSignificantBits());
        b.putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Decodes a cursor a client sent back; anything else is a 400 problem naming {@code cursor}. */
    public static Cursor decode(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != LENGTH || raw[0] != VERSION) {
            throw invalid();
        }
        ByteBuffer b = ByteBuffer.wrap(raw, 1, LENGTH - 1);
        long seconds = b.getLong();
        int nanos = b.getInt();
        if (nanos < 0 || nanos > 999_999_999) {
            throw invalid();
        }
        try {
            return new Cursor(Instant.ofEpochSecond(seconds, nanos), new UUID(b.getLong(), b.getLong()));
        } catch (java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return Problems.invalidField("cursor", "is not a cursor this API returned");
    }
}
