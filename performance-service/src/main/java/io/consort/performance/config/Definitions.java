package io.consort.performance.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.etag.ETags;
import io.consort.performance.domain.ScoringModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Programs' scorecard definitions, every version kept. A day is scored with the version in force on
 * it (the highest version whose {@code effectiveFrom} falls on or before the day); days before a program's
 * first definition, and programs without one, are scored with {@link ScoringModel#DEFAULT}.
 */
@ApplicationScoped
public class Definitions {

    /** One version of a program's definition (version 0 = the default, never stored). */
    public record Version(UUID programId, int version, ScoringModel model, Instant effectiveFrom, String createdBy) {
    }

    private static final TypeReference<List<ScoringModel.Weighted>> KPIS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    public List<Version> versions(UUID programId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select version, cast(kpis as text), effective_from, created_by from scorecard_definition
                where program_id = ?1 order by version""").setParameter(1, programId).getResultList();
        return rows.stream().map(r -> new Version(programId, ((Number) r[0]).intValue(), parse((String) r[1]),
                io.consort.performance.fact.PartnerFacts.instant(r[2]), (String) r[3])).toList();
    }

    public Version latest(UUID programId) {
        List<Version> all = versions(programId);
        return all.isEmpty() ? new Version(programId, 0, ScoringModel.DEFAULT, null, null) : all.get(all.size() - 1);
    }

    public Function<LocalDate, ScoringModel> inForce(UUID programId) {
        TreeMap<LocalDate, ScoringModel> byDay = new TreeMap<>();
        for (Version v : versions(programId)) {
            // a version supersedes every earlier one from its first day on, even one dated later
            LocalDate from = v.effectiveFrom().atOffset(ZoneOffset.UTC).toLocalDate();
            byDay.tailMap(from, true).clear();
            byDay.put(from, v.model());
        }
        return day -> {
            var entry = byDay.floorEntry(day);
            return entry == null ? ScoringModel.DEFAULT : entry.getValue();
        };
    }

    /** Adds a version if {@code ifMatch} names the latest (or is absent). */
    @Transactional
    public Version define(UUID programId, ScoringModel model, String ifMatch, String by, Instant at) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, programId.toString())
                .getSingleResult();
        Version latest = latest(programId);
        ETags.requireMatch(ifMatch, latest.version());
        int version = latest.version() + 1;
        try {
            entityManager.createNativeQuery("""
                    insert into scorecard_definition (program_id, version, kpis, effective_from, created_by)
                    values (?1, ?2, cast(?3 as jsonb), ?4, ?5)""")
                    .setParameter(1, programId).setParameter(2, version)
                    .setParameter(3, mapper.writeValueAsString(model.kpis()))
                    .setParameter(4, at.atOffset(ZoneOffset.UTC)).setParameter(5, by)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Version(programId, version, model, at, by);
    }

    private ScoringModel parse(String json) {
        try {
            return new ScoringModel(mapper.readValue(json, KPIS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable scorecard definition", e);
        }
    }
}
