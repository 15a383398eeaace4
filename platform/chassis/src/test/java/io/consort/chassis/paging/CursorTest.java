package io.consort.chassis.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.problem.ProblemException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void cursorSurvivesARoundTripToNanosecondPrecision() {
        Cursor c = new Cursor(Instant.parse("2026-11-27T05:00:00.123456789Z"), UUID.randomUUID());
        assertEquals(c, Cursor.decode(c.encode()));
    }

    @Test
    void encodedCursorIsUrlSafeAndUnpadded() {
        for (int i = 0; i < 200; i++) {
            String token = new Cursor(Instant.ofEpochSecond(i * 7919L, i), UUID.randomUUID()).encode();
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        }
    }

    @Test
    void garbageIsA400ProblemNamingTheCursor() {
        for (String bad : new String[] {"!!!", "abc", "", Base64.getUrlEncoder().encodeToString(new byte[29]),
                Base64.getUrlEncoder().encodeToString(new byte[40])}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(bad), bad);
            assertEquals(400, e.status());
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    void outOfRangeNanosAreRefused() {
        byte[] raw = Base64.getUrlDecoder().decode(new Cursor(Instant.EPOCH, UUID.randomUUID()).encode());
        raw[9] = (byte) 0x7f; // nanos field now far above 999,999,999
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThrows(ProblemException.class, () -> Cursor.decode(token));
    }
}
