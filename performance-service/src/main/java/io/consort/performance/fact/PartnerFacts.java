package io.consort.performance.fact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.paging.KeysetQuery;
import io.consort.chassis.paging.Page;
import io.consort.chassis.paging.PageRequest;
import io.consort.performance.domain.Fact;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
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

    /**
     * Appends a fact, unless the event was recorded already: the inbox stops redeliveries, this
     * also covers a replay into a read model that was not reset.
     *
     * @return whether a fact was added
     */
    @Transactional
    public boolean record(UUID eventId, FactKind kind, UUID partnerId, UUID programId, Instant occurredAt,
            JsonNode payload) {
        // Native and conflict-tolerant: a partner-side caller's scope must not hide an existing fact
        // from this check, and two deliveries racing must not both insert.
        int added = entityManager.createNativeQuery("""
                insert into partner_fact (id, partner_id, event_id, event_type, kind, program_id, occurred_at, data)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as uuid), ?7, cast(?8 as jsonb))
                on conflict (event_id) do nothing""")
                .setParameter(1, eventId)
                .setParameter(2, partnerId)
                .setParameter(3, eventId)
                .setParameter(4, kind.ceType())
                .setParameter(5, kind.name())
                .setParameter(6, programId == null ? null : programId.toString())
                .setParameter(7, occurredAt.atOffset(ZoneOffset.UTC))
                .setParameter(8, payload.toString())
                .executeUpdate();
        return added == 1;
    }

    /** A fact to append with {@link #recordAll}. */
    public record New(UUID eventId, FactKind kind, UUID partnerId, UUID programId, Instant occurredAt, JsonNode payload) {
    }

    /**
     * Appends facts with one multi-row insert, skipping events recorded already (as {@link #record}).
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
                return added;
            }
        });
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
                        UUID eventId = rs.getObject(1, UUID.class);
                        try {
                            all.computeIfAbsent(partnerId, p -> new ArrayList<>()).add(new Fact(eventId, rs.getString(2),
                                    partnerId, rs.getObject(3, OffsetDateTime.class).toInstant(),
                                    mapper.readTree(rs.getString(4))));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("unreadable fact " + eventId, e);
                        }
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
