package io.consort.performance.fact;

import io.consort.chassis.persistence.AfterCommit;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.domain.Fact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each recently evaluated partner's history as the evaluation reads it (the facts whose content matters, parsed,
 * in time order, and when its latest fact happened), up to the highest {@code partner_fact.seq} it includes, so
 * that the next evaluation reads and parses only the partner's facts with a higher {@code seq}: the facts stored
 * since. That is exact because a partner's facts are only inserted under its advisory lock, by transactions that
 * also lock its scorecard before committing (the intake), so a partner's facts commit in {@code seq} order and
 * none with a lower {@code seq} than one already read can appear later. What a transaction read is kept only once
 * it commits (a rolled-back batch's facts never existed), an older read never replaces a newer one, and the whole
 * cache is dropped when the settings stamp moves ({@code EvaluationSettings}; a rebuild's switch moves it, since
 * it replaces the facts table). Least recently used partners are dropped beyond
 * {@code consort.performance.history-cache-facts} facts in all (by default a quarter of the heap's worth).
 */
@ApplicationScoped
public class HistoryCache {

    /** A partner's history up to {@code seq}: its facts sorted by time, and when its latest fact of any kind happened. */
    public record Entry(long seq, List<Fact> facts, Instant latest) {
    }

    @Inject
    PerformanceConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final LinkedHashMap<UUID, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long size;
    private String generation = "";

    /** Drops everything if {@code stamp} differs from the one the cache was filled under. */
    public synchronized void use(String stamp) {
        if (!stamp.equals(generation)) {
            entries.clear();
            size = 0;
            generation = stamp;
        }
    }

    public synchronized Entry get(UUID partnerId) {
        return entries.get(partnerId);
    }

    /** About what one parsed fact takes on the heap (its JSON tree, ids and times), to size the cache by default. */
    static final long BYTES_PER_FACT = 2048;

    /** The most facts kept: {@code consort.performance.history-cache-facts}, or a quarter of the heap's worth. */
    long budget() {
        long configured = config.historyCacheFacts();
        return configured >= 0 ? configured : Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_FACT;
    }

    /** Keeps {@code read} once the current transaction commits (nothing if it rolls back or the cache was dropped meanwhile). */
    public void keepOnCommit(Map<UUID, Entry> read) {
        if (read.isEmpty() || budget() <= 0) {
            return;
        }
        String stamp;
        synchronized (this) {
            stamp = generation;
        }
        AfterCommit.run(transactions, () -> keep(stamp, read));
    }

    synchronized void keep(String stamp, Map<UUID, Entry> read) {
        if (!stamp.equals(generation)) {
            return;
        }
        read.forEach((partnerId, entry) -> {
            Entry old = entries.get(partnerId);
            if (old != null && old.seq() >= entry.seq()) {
                return;
            }
            size += entry.facts().size() - (old == null ? 0 : old.facts().size());
            entries.put(partnerId, entry);
        });
        Iterator<Entry> eldest = entries.values().iterator();
        long budget = budget();
        while (size > budget && eldest.hasNext()) {
            size -= eldest.next().facts().size();
            eldest.remove();
        }
    }
}
