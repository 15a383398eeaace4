package io.consort.chassis.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyHashTest {

    @Test
    void hashIsHexSha256OfTheExactBytes() {
        // FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                BodyHash.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", BodyHash.sha256Hex(new byte[0]));
    }

    @Test
    void anyChangeOfTheBodyChangesTheHash() {
        assertNotEquals(BodyHash.sha256Hex("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                BodyHash.sha256Hex("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)));
    }
}
