package io.consort.performance.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.etag.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Vendor settings kept as one versioned JSON document each (the tier ladder, incentive rules,
 * leaderboard visibility). Native SQL: settings belong to no partner.
 */
@ApplicationScoped
public class Settings {

    /** A stored document and its version (0 = the built-in default, never stored). */
    public record Stored<T>(T body, long version) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    public <T> Stored<T> read(String name, Class<T> type, T fallback) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select cast(body as text), version from setting where name = ?1")
                .setParameter(1, name).getResultList();
        if (rows.isEmpty()) {
            return new Stored<>(fallback, 0);
        }
        try {
            return new Stored<>(mapper.readValue((String) rows.get(0)[0], type), ((Number) rows.get(0)[1]).longValue());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("setting " + name + " is unreadable", e);
        }
    }

    /** Replaces the document if {@code ifMatch} names its current version (or is absent); returns the new version. */
    @Transactional
    public long write(String name, Object body, String ifMatch, String by, Instant at) {
        @SuppressWarnings("unchecked")
        Optional<Number> current = entityManager.createNativeQuery("select version from setting where name = ?1 for update")
                .setParameter(1, name).getResultStream().findFirst();
        long version = current.map(Number::longValue).orElse(0L);
        ETags.requireMatch(ifMatch, version);
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("""
                insert into setting (name, version, body, updated_at, updated_by) values (?1, ?2, cast(?3 as jsonb), ?4, ?5)
                on conflict (name) do update set version = excluded.version, body = excluded.body,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter(1, name).setParameter(2, version + 1).setParameter(3, json)
                .setParameter(4, at.atOffset(ZoneOffset.UTC)).setParameter(5, by)
                .executeUpdate();
        return version + 1;
    }
}
