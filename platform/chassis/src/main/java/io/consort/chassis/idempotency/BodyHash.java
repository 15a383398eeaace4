package io.consort.chassis.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint that tells a genuine retry from a new request reusing a key. */
public final class BodyHash {

    private BodyHash() {
    }

    /** Lower-case hex SHA-256 of the exact body bytes (no JSON normalisation: a retry resends the same bytes). */
    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
