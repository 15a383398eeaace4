package io.consort.performance.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads scorecards and their stored daily history. */
@ApplicationScoped
public class Scorecards {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    public Optional<Scorecard> ofPartner(UUID partnerId) {
        return Scorecard.ofPartner(partnerId);
    }

    /** The partner's standing at the end of {@code day}, as stored then (not recomputed from today's state). */
    public Optional<ScorecardView> asOf(Scorecard card, LocalDate day) {
        return days(card.partnerId, day, day, 1).stream().findFirst().map(d -> new ScorecardView(card.partnerId,
                d.programId(), d.tier(), d.tierRank(), d.score(), d.contributions(), d.eligibleTier(), d.downgradeDueOn(),
                d.explanation(), d.day(), card.openedAt.toInstant(), card.updatedAt.toInstant()));
    }

    /** Days from {@code from} to {@code to} (inclusive), oldest first, at most {@code limit}. */
    public List<StandingDay> days(UUID partnerId, LocalDate from, LocalDate to, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select day, program_id, score, tier, tier_rank, eligible_tier, downgrade_due_on, cast(kpis as text),
                    cast(contributions as text), explanation
                from scorecard_day where partner_id = ?1 and day between ?2 and ?3 order by day limit ?4""")
                .setParameter(1, partnerId).setParameter(2, from).setParameter(3, to).setParameter(4, limit)
                .getResultList();
        List<StandingDay> days = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            days.add(new StandingDay(date(r[0]), (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3],
                    ((Number) r[4]).intValue(), (String) r[5], r[6] == null ? null : date(r[6]), kpis((String) r[7]),
                    KpiScore.of(read((String) r[8], LIST)), (String) r[9]));
        }
        return days;
    }

    private Map<String, BigDecimal> kpis(String json) {
        Map<String, BigDecimal> kpis = new LinkedHashMap<>();
        read(json, MAP).forEach((k, v) -> kpis.put(k, v == null ? null : new BigDecimal(v.toString())));
        return kpis;
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored day", e);
        }
    }

    public static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
