package io.consort.performance.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.domain.EventNames;
import io.consort.performance.domain.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the history cache keeps of committed reads: never an older read over a newer one, nothing read under a
 * settings stamp it has since dropped, and not more facts than its budget (least recently used partners first).
 */
class HistoryCacheTest {

    private final HistoryCache cache = new HistoryCache();

    HistoryCacheTest() {
        cache.config = config(5);
        cache.use("s1");
    }

    @Test
    void anOlderReadNeverReplacesANewerOne() {
        UUID p = UUID.randomUUID();
        cache.keep("s1", Map.of(p, entry(20, 2)));
        cache.keep("s1", Map.of(p, entry(10, 1)));
        assertEquals(20, cache.get(p).seq());
        cache.keep("s1", Map.of(p, entry(30, 3)));
        assertEquals(30, cache.get(p).seq());
    }

    @Test
    void aMovedStampDropsEverythingAndWhatWasReadUnderTheOldOne() {
        UUID p = UUID.randomUUID();
        cache.keep("s1", Map.of(p, entry(10, 1)));
        cache.use("s2");
        assertNull(cache.get(p));
        cache.keep("s1", Map.of(p, entry(20, 1)));
        assertNull(cache.get(p), "read before the rebuild's switch: its facts were replaced");
        cache.use("s2");
        cache.keep("s2", Map.of(p, entry(30, 1)));
        assertEquals(30, cache.get(p).seq());
    }

    @Test
    void beyondItsBudgetTheLeastRecentlyUsedPartnersGo() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        cache.keep("s1", Map.of(a, entry(1, 2)));
        cache.keep("s1", Map.of(b, entry(2, 2)));
        cache.get(a); // a used after b
        cache.keep("s1", Map.of(c, entry(3, 2)));
        assertNull(cache.get(b));
        assertEquals(1, cache.get(a).seq());
        assertEquals(3, cache.get(c).seq());
    }

    @Test
    void aBudgetOfZeroKeepsNothingAndTheDefaultIsAQuarterOfTheHeap() {
        HistoryCache off = new HistoryCache();
        off.config = config(0);
        assertEquals(0, off.budget());
        HistoryCache auto = new HistoryCache();
        auto.config = config(-1);
        assertEquals(Runtime.getRuntime().maxMemory() / 4 / HistoryCache.BYTES_PER_FACT, auto.budget());
    }

    private static HistoryCache.Entry entry(long seq, int facts) {
        List<Fact> list = new ArrayList<>();
        for (int i = 0; i < facts; i++) {
            list.add(new Fact(UUID.randomUUID(), EventNames.DEAL_WON, UUID.randomUUID(), Instant.EPOCH.plusSeconds(i),
                    JsonNodeFactory.instance.objectNode()));
        }
        return new HistoryCache.Entry(seq, list, Instant.EPOCH);
    }

    private static PerformanceConfig config(long facts) {
        return new PerformanceConfig() {
            @Override
            public String currency() {
                return "EUR";
            }

            @Override
            public int windowDays() {
                return 365;
            }

            @Override
            public int influenceWindowDays() {
                return 90;
            }

            @Override
            public int sweepBatch() {
                return 200;
            }

            @Override
            public int intakeBatch() {
                return 500;
            }

            @Override
            public long historyCacheFacts() {
                return facts;
            }
        };
    }
}
