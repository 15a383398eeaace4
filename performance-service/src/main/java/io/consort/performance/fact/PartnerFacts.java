package io.consort.performance.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.performance.domain.DayCounts;
import io.consort.performance.domain.Fact;
import io.consort.performance.domain.Kpi;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Records partner facts and reads a partner's history. */
@ApplicationScoped
public class PartnerFacts {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /** A fact to append with {@link #recordAll}. */
    public record New(UUID eventId, FactKind kind, UUID partnerId, UUID programId, Instant occurredAt, JsonNode payload) {
    }

    /**
     * Appends facts with one multi-row insert, skipping events recorded already (the inbox stops
     * redeliveries; this also covers the same event under another record), and adds the new ones to their days' totals.
     *
     * @return the event ids of the facts added
     */
    public Set<UUID> recordAll(List<New> facts) {
        if (facts.isEmpty()) {
            return Set.of();
        }
        int n = facts.size();
        String[] ids = new String[n];
        String[] partners = new String[n];
        String[] types = new String[n];
        String[] kinds = new String[n];
        String[] programs = new String[n];
        String[] times = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            New f = facts.get(i);
            ids[i] = f.eventId().toString();
            partners[i] = f.partnerId().toString();
            types[i] = f.kind().ceType();
            kinds[i] = f.kind().name();
            programs[i] = f.programId() == null ? null : f.programId().toString();
            times[i] = f.occurredAt().toString();
            data[i] = f.payload().toString();
        }
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into partner_fact (id, partner_id, event_id, event_type, kind, program_id, occurred_at, data)
                    select cast(e as uuid), cast(p as uuid), cast(e as uuid), t, k, cast(g as uuid),
                        cast(o as timestamptz), cast(d as jsonb)
                    from unnest(?, ?, ?, ?, ?, ?, ?) as f(e, p, t, k, g, o, d)
                    on conflict (event_id) do nothing
                    returning event_id""")) {
                int i = 1;
                for (String[] column : List.of(ids, partners, types, kinds, programs, times, data)) {
                    insert.setArray(i++, connection.createArrayOf("text", column));
                }
                Set<UUID> added = new HashSet<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        added.add(rs.getObject(1, UUID.class));
                    }
                }
                if (!added.isEmpty()) {
                    try (PreparedStatement count = connection.prepareStatement(COUNT_ADDED)) {
                        count.setArray(1, connection.createArrayOf("uuid", added.toArray()));
                        count.executeUpdate();
                    }
                }
                return added;
            }
        });
    }

    /** Adds the given facts to their days' totals (each fact once: only facts just added are passed). */
    private static final String COUNT_ADDED = """
            insert into partner_day_count (partner_id, day, kpi, count)
            select partner_id, (occurred_at at time zone 'UTC')::date, k, count(*)
            from partner_fact, fact_counted_kpi(event_type, data) as k
            where event_id = any(?) and k is not null
            group by 1, 2, 3
            on conflict (partner_id, day, kpi) do update set count = partner_day_count.count + excluded.count""";

    /**
     * Recomputes every day total from the facts (a rebuild's copy, after its facts were copied in bulk);
     * on the tables the search path names first.
     */
    public void recountAll() {
        entityManager.flush();
        entityManager.createNativeQuery("delete from partner_day_count").executeUpdate();
        entityManager.createNativeQuery("""
                insert into partner_day_count (partner_id, day, kpi, count)
                select partner_id, (occurred_at at time zone 'UTC')::date, k, count(*)
                from partner_fact, fact_counted_kpi(event_type, data) as k
                where k is not null
                group by 1, 2, 3""").executeUpdate();
    }

    /**
     * What a partner's evaluation reads: the facts whose content matters beyond a count
     * ({@link DayCounts#NEEDS_FACT}) in the order they happened, the per-day totals of the counted ones,
     * and when its latest fact of any kind happened (null: none).
     */
    public record History(List<Fact> facts, DayCounts counts, Instant latest) {
    }

    /** {@link History} of each of these partners, with two queries whatever their number. */
    public Map<UUID, History> historiesOf(Collection<UUID> partnerIds) {
        return historiesOf(partnerIds, null);
    }

    /**
     * {@link History} of each of these partners, with two queries whatever their number; with a {@code cache}, only
     * the facts stored since a partner's cached history are read and parsed, merged into it in time order, and the
     * result kept for the next batch once this transaction commits.
     */
    public Map<UUID, History> historiesOf(Collection<UUID> partnerIds, HistoryCache cache) {
        entityManager.flush();
        int n = partnerIds.size();
        Object[] ids = partnerIds.toArray();
        Object[] after = new Object[n];
        Map<UUID, HistoryCache.Entry> cached = new HashMap<>();
        for (int i = 0; i < n; i++) {
            HistoryCache.Entry entry = cache == null ? null : cache.get((UUID) ids[i]);
            if (entry != null) {
                cached.put((UUID) ids[i], entry);
            }
            after[i] = entry == null ? 0L : entry.seq();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Map<UUID, List<Fact>> added = new HashMap<>();
            Map<UUID, Instant> latest = new HashMap<>();
            Map<UUID, Long> seqs = new HashMap<>();
            // every fact stored since (all of them without a cached history): the time and seq of each, the content
            // of those the evaluation reads
            try (PreparedStatement select = connection.prepareStatement("""
                    select f.event_id, f.event_type, f.occurred_at,
                        case when f.event_type = any(?) then cast(f.data as text) end, f.partner_id, f.seq
                    from unnest(?, ?) as s(p, after) join partner_fact f on f.partner_id = s.p and f.seq > s.after
                    order by f.partner_id, f.occurred_at, f.event_id""")) {
                select.setArray(1, connection.createArrayOf("text", DayCounts.NEEDS_FACT.toArray()));
                select.setArray(2, connection.createArrayOf("uuid", ids));
                select.setArray(3, connection.createArrayOf("bigint", after));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID partnerId = rs.getObject(5, UUID.class);
                        Instant at = rs.getObject(3, OffsetDateTime.class).toInstant();
                        latest.merge(partnerId, at, (a, b) -> a.isAfter(b) ? a : b);
                        seqs.merge(partnerId, rs.getLong(6), Math::max);
                        if (rs.getString(4) != null) {
                            added.computeIfAbsent(partnerId, p -> new ArrayList<>()).add(fact(rs, partnerId));
                        }
                    }
                }
            }
            Map<UUID, DayCounts> counts = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select partner_id, day, kpi, count from partner_day_count where partner_id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getObject(1, UUID.class), p -> new DayCounts())
                                .add(rs.getObject(2, LocalDate.class), Kpi.valueOf(rs.getString(3)), rs.getInt(4));
                    }
                }
            }
            Map<UUID, History> histories = new HashMap<>();
            Map<UUID, HistoryCache.Entry> keep = new HashMap<>();
            for (Object id : ids) {
                UUID partnerId = (UUID) id;
                HistoryCache.Entry old = cached.get(partnerId);
                List<Fact> facts = merge(old == null ? List.of() : old.facts(), added.getOrDefault(partnerId, List.of()));
                Instant last = old == null ? latest.get(partnerId) : later(old.latest(), latest.get(partnerId));
                histories.put(partnerId, new History(facts, counts.getOrDefault(partnerId, new DayCounts()), last));
                long seq = seqs.getOrDefault(partnerId, old == null ? 0L : old.seq());
                if (cache != null && seq > 0 && (old == null || seq > old.seq())) {
                    keep.put(partnerId, new HistoryCache.Entry(seq, facts, last));
                }
            }
            if (cache != null) {
                cache.keepOnCommit(keep);
            }
            return histories;
        });
    }

    /** The order of {@code order by occurred_at, event_id} (PostgreSQL compares uuids as unsigned bytes). */
    static final java.util.Comparator<Fact> HISTORY_ORDER = java.util.Comparator.comparing(Fact::occurredAt)
            .thenComparing(Fact::eventId, (a, b) -> {
                int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    /** Two lists sorted in history order, merged into a new one (the cached one is shared, never changed). */
    static List<Fact> merge(List<Fact> old, List<Fact> added) {
        if (added.isEmpty()) {
            return old;
        }
        if (old.isEmpty()) {
            return added;
        }
        List<Fact> merged = new ArrayList<>(old.size() + added.size());
        int i = 0;
        int j = 0;
        while (i < old.size() || j < added.size()) {
            if (j == added.size() || (i < old.size() && HISTORY_ORDER.compare(old.get(i), added.get(j)) <= 0)) {
                merged.add(old.get(i++));
            } else {
                merged.add(added.get(j++));
            }
        }
        return merged;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /**
     * Each partner's first fact (in history order) of one of {@code types} that names a program: the fact
     * its scorecard opens with; partners without one are left out. In partner order.
     */
    public List<Fact> openings(Collection<UUID> partnerIds, Collection<String> types) {
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select distinct on (partner_id) event_id, event_type, occurred_at, cast(data as text), partner_id
                    from partner_fact
                    where partner_id = any(?) and event_type = any(?) and coalesce(trim(data ->> 'programId'), '') <> ''
                    order by partner_id, occurred_at, event_id""")) {
                select.setArray(1, connection.createArrayOf("uuid", partnerIds.toArray()));
                select.setArray(2, connection.createArrayOf("text", types.toArray()));
                List<Fact> openings = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        openings.add(fact(rs, rs.getObject(5, UUID.class)));
                    }
                }
                return openings;
            }
        });
    }

    public History history(UUID partnerId) {
        return historiesOf(List.of(partnerId)).get(partnerId);
    }

    private Fact fact(ResultSet rs, UUID partnerId) throws java.sql.SQLException {
        UUID eventId = rs.getObject(1, UUID.class);
        try {
            // the type interned: a cached history holds many facts of the same few types (HistoryCache)
            return new Fact(eventId, rs.getString(2).intern(), partnerId, rs.getObject(3, OffsetDateTime.class).toInstant(),
                    mapper.readTree(rs.getString(4)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable fact " + eventId, e);
        }
    }

    /** All the partner's facts in the order they happened, as the domain computes with them. */
    public List<Fact> all(UUID partnerId) {
        return allOf(List.of(partnerId)).getOrDefault(partnerId, List.of());
    }

    /** {@link #all} for many partners with one query (a batch's touched partners). */
    public Map<UUID, List<Fact>> allOf(Collection<UUID> partnerIds) {
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select event_id, event_type, occurred_at, cast(data as text), partner_id from partner_fact
                    where partner_id = any(?) order by partner_id, occurred_at, event_id""")) {
                select.setArray(1, connection.createArrayOf("uuid", partnerIds.toArray()));
                Map<UUID, List<Fact>> all = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID partnerId = rs.getObject(5, UUID.class);
                        all.computeIfAbsent(partnerId, p -> new ArrayList<>()).add(fact(rs, partnerId));
                    }
                }
                return all;
            }
        });
    }

    public static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    /** The partner's facts in the order they happened. */
    public Page<PartnerFact> history(UUID partnerId, PageRequest page) {
        return KeysetQuery.of(PartnerFact.class)
                .where("partnerId = :partnerId", Parameters.with("partnerId", partnerId))
                .keys("occurredAt", "id")
                .fetch(page, f -> f.occurredAt, f -> f.id);
    }

    public long count(UUID partnerId, FactKind kind) {
        return PartnerFact.count("partnerId = ?1 and kind = ?2", partnerId, kind);
    }
}
