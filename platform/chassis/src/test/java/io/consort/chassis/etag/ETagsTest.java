package io.consort.chassis.etag;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consort.chassis.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"7\"", ETags.of(7));
        assertEquals("\"7\"", ETags.tag(7).toString());
    }

    @Test
    void matchingOrAbsentIfMatchPasses() {
        assertDoesNotThrow(() -> ETags.requireMatch(null, 3));
        assertDoesNotThrow(() -> ETags.requireMatch("", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void staleWeakOrUnquotedIfMatchAnswers412() {
        for (String bad : new String[] {"\"2\"", "W/\"3\"", "3", "\"33\""}) {
            ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireMatch(bad, 3), bad);
            assertEquals(412, e.status());
        }
    }

    @Test
    void aRequiredIfMatchThatIsMissingAnswers428AndAStaleOne412() {
        for (String missing : new String[] {null, "", " "}) {
            ProblemException e = assertThrows(ProblemException.class, () -> ETags.requireIfMatch(missing, 3));
            assertEquals(428, e.status());
        }
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireIfMatch("\"2\"", 3)).status());
        assertDoesNotThrow(() -> ETags.requireIfMatch("\"3\"", 3));
    }
}
