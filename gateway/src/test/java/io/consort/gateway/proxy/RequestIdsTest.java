package io.consort.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aSaneIdOfTheClientsIsKeptAnythingElseReplacedByARandomUuid() {
        assertEquals("abc-123", RequestIds.accept("abc-123"));
        assertNotEquals("bad id\r\nX-Forged: 1", RequestIds.accept("bad id\r\nX-Forged: 1"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.accept(null);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version(), id);
            assertEquals(2, uuid.variant(), id);
            assertEquals(id, uuid.toString());
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }
}
