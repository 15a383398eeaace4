package io.consort.chassis.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void limitDefaultsToFiftyAndAcceptsOneToTwoHundred() {
        assertEquals(50, PageRequest.of(null, null).limit());
        assertEquals(1, PageRequest.of(1, null).limit());
        assertEquals(200, PageRequest.of(200, null).limit());
        for (int bad : new int[] {0, -1, 201}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(bad, null));
            assertEquals("limit", e.errors().get(0).field());
        }
    }

    @Test
    void blankCursorMeansFirstPage() {
        assertTrue(PageRequest.of(10, " ").after().isEmpty());
    }

    @Test
    void cursorIsDecoded() {
        Cursor c = new Cursor(Instant.now(), UUID.randomUUID());
        assertEquals(c, PageRequest.of(10, c.encode()).after().orElseThrow());
    }

    @Test
    void pageMapsItsItemsAndKeepsTheCursor() {
        Page<Integer> p = new Page<>(List.of(1, 2), "next");
        assertEquals(new Page<>(List.of("1", "2"), "next"), p.map(String::valueOf));
    }
}
