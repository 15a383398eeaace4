package io.consort.performance.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.consort.performance.domain.EventNames;
import io.consort.performance.domain.Fact;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A cached history and the facts stored since are merged in the order the database reads a whole history in
 * ({@code order by occurred_at, event_id}): a late fact lands before the facts that happened after it, and ties in
 * time are broken by the event id as PostgreSQL compares uuids (unsigned bytes), not as {@link UUID#compareTo} does.
 */
class HistoryMergeTest {

    private static final UUID PARTNER = UUID.randomUUID();

    @Test
    void aLateFactLandsBeforeTheFactsThatHappenedAfterIt() {
        Fact a = fact("00000000-0000-0000-0000-000000000001", "2026-03-01T10:00:00Z");
        Fact b = fact("00000000-0000-0000-0000-000000000002", "2026-03-05T10:00:00Z");
        Fact late = fact("00000000-0000-0000-0000-000000000003", "2026-03-02T10:00:00Z");
        Fact next = fact("00000000-0000-0000-0000-000000000004", "2026-03-09T10:00:00Z");
        assertEquals(List.of(a, late, b, next), PartnerFacts.merge(List.of(a, b), List.of(late, next)));
    }

    @Test
    void tiesInTimeFollowPostgresUuidOrder() {
        // UUID.compareTo is signed: it puts 8000… before 0000…; PostgreSQL puts 0000… first
        Fact high = fact("80000000-0000-0000-0000-000000000000", "2026-03-01T10:00:00Z");
        Fact low = fact("00000000-0000-0000-0000-000000000000", "2026-03-01T10:00:00Z");
        Fact lowTail = fact("00000000-0000-0000-f000-000000000000", "2026-03-01T10:00:00Z");
        assertEquals(List.of(low, lowTail, high), PartnerFacts.merge(List.of(high), List.of(low, lowTail)));
        assertEquals(List.of(low, lowTail, high), PartnerFacts.merge(List.of(low, lowTail), List.of(high)));
    }

    @Test
    void nothingNewKeepsTheCachedListAndNothingCachedTakesTheNewOne() {
        List<Fact> cached = List.of(fact("00000000-0000-0000-0000-000000000001", "2026-03-01T10:00:00Z"));
        assertSame(cached, PartnerFacts.merge(cached, List.of()));
        assertSame(cached, PartnerFacts.merge(List.of(), cached));
    }

    private static Fact fact(String id, String at) {
        return new Fact(UUID.fromString(id), EventNames.DEAL_WON, PARTNER, Instant.parse(at),
                JsonNodeFactory.instance.objectNode());
    }
}
