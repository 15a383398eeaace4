package io.consort.chassis.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.problem.ProblemException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SortTest {

    static final Sort.Fields FIELDS = Sort.fields("createdAt", "updatedAt", "name").with("submitted", "submittedAt");

    @Test
    void aWhitelistedFieldSortsAscendingAndAMinusDescending() {
        Sort byName = FIELDS.parse("name");
        assertEquals("name", byName.property());
        assertFalse(byName.descending());
        assertEquals("name", byName.spec());
        Sort newest = FIELDS.parse(" -updatedAt ");
        assertTrue(newest.descending());
        assertEquals("-updatedAt", newest.spec());
        assertEquals("submittedAt", FIELDS.parse("-submitted").property());
    }

    @Test
    void noSortIsOldestFirst() {
        assertSame(Sort.OLDEST_FIRST, FIELDS.parse(null));
        assertSame(Sort.OLDEST_FIRST, FIELDS.parse(" "));
    }

    @Test
    void anyOtherFieldIsAProblemNamingSortAndTheAllowedFields() {
        for (String bad : new String[] { "description", "-", "--name", "name,createdAt", "Name" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> FIELDS.parse(bad), bad);
            assertEquals(400, e.toProblem().status());
            assertEquals("sort", e.toProblem().errors().get(0).field());
            assertTrue(e.toProblem().errors().get(0).message().contains("createdAt, updatedAt, name, submitted"));
        }
    }

    @Test
    void aSortCursorRoundTripsEveryKeyType() {
        UUID id = UUID.randomUUID();
        for (Object value : new Object[] { Instant.parse("2026-12-07T01:02:03.123456Z"), "Acme Ünïcode", 42L }) {
            SortCursor c = new SortCursor("-name", value, id);
            assertEquals(c, SortCursor.decode(c.encode(), "-name"));
        }
    }

    @Test
    void aSortCursorIsRefusedForAnotherSortAndTheOtherCursorKindsForIt() {
        String byName = new SortCursor("name", "Acme", UUID.randomUUID()).encode();
        ProblemException other = assertThrows(ProblemException.class, () -> SortCursor.decode(byName, "-name"));
        assertEquals("cursor", other.toProblem().errors().get(0).field());
        assertTrue(other.toProblem().errors().get(0).message().contains("sort=name"));
        String oldestFirst = new Cursor(Instant.now(), UUID.randomUUID()).encode();
        assertThrows(ProblemException.class, () -> SortCursor.decode(oldestFirst, "name"));
        assertThrows(ProblemException.class, () -> Cursor.decode(byName));
        for (String junk : new String[] { "", "!!", Base64.getUrlEncoder().encodeToString(new byte[] { 2, 0, 4, 'n' }),
                byName.substring(0, byName.length() - 3) }) {
            assertThrows(ProblemException.class, () -> SortCursor.decode(junk, "name"), junk);
        }
    }
}
