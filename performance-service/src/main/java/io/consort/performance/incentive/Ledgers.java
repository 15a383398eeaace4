package io.consort.performance.incentive;

import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.IncentiveAccrued;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.config.Settings;
import io.consort.performance.domain.Attribution;
import io.consort.performance.domain.Deals;
import io.consort.performance.domain.ExchangeRates;
import io.consort.performance.domain.Fact;
import io.consort.performance.domain.IncentiveRules;
import io.consort.performance.domain.Ledger;
import io.consort.performance.domain.PartnerEvaluation;
import io.consort.performance.scorecard.Scorecards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps a partner's incentive and attribution ledgers in step with its facts: computes the lines
 * each should hold ({@link IncentiveRules}, {@link Attribution}) and appends what is missing
 * ({@link Ledger#diff}); each new incentive line publishes {@code incentive.accrued}. Runs in the
 * evaluation's transaction, under the scorecard's row lock.
 */
@ApplicationScoped
public class Ledgers {

    public static final String RULES = "incentive-rules";

    @Inject
    EntityManager entityManager;

    @Inject
    Settings settings;

    @Inject
    PerformanceConfig config;

    @Inject
    Outbox outbox;

    public IncentiveRules rules() {
        return settings.read(RULES, IncentiveRules.class, IncentiveRules.DEFAULT).body();
    }

    public void reconcile(UUID partnerId, List<Fact> facts, List<PartnerEvaluation.Day> days, ExchangeRates rates,
            boolean publish, Instant at) {
        reconcile(partnerId, facts, days, rates, rules(), publish, at);
    }

    /** {@link #reconcile(UUID, List, List, ExchangeRates, boolean, Instant)} with the rules read by the caller. */
    public void reconcile(UUID partnerId, List<Fact> facts, List<PartnerEvaluation.Day> days, ExchangeRates rates,
            IncentiveRules rules, boolean publish, Instant at) {
        Deals deals = Deals.of(facts, rates);
        Map<LocalDate, String> tiers = new HashMap<>();
        days.forEach(d -> tiers.put(d.day(), d.tier().name()));
        String entry = days.isEmpty() ? "REGISTERED" : days.get(0).tier().name();
        LocalDate last = days.isEmpty() ? null : days.get(days.size() - 1).day();
        List<Ledger.Line> incentives = Ledger.diff(
                rules.desired(facts, deals, day -> tiers.getOrDefault(day, last != null && day.isAfter(last)
                        ? tiers.get(last) : entry), rates.base()),
                booked("incentive_entry", partnerId), IncentiveRules.REVERSAL);
        for (Ledger.Line line : incentives) {
            UUID id = UUID.randomUUID();
            append("incentive_entry", id, partnerId, line, rates.base(), at);
            if (publish) {
                outbox.emit(EventTypes.INCENTIVE_ACCRUED, id, partnerId, new IncentiveAccrued(id, partnerId,
                        IncentiveAccrued.Kind.valueOf(line.kind()),
                        new IncentiveAccrued.Money(line.amount(), rates.base()), line.period(), line.dealId(),
                        line.reason(), at));
            }
        }
        List<Ledger.Line> credits = Ledger.diff(Attribution.desired(facts, deals, config.influenceWindowDays()),
                booked("attribution_line", partnerId), null);
        for (Ledger.Line line : credits) {
            append("attribution_line", UUID.randomUUID(), partnerId, line, rates.base(), at);
        }
    }

    private Map<String, Ledger.Booked> booked(String table, UUID partnerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select line_key, kind, amount, %s, day, deal_id, evidence_event_id, evidence_type, reason,
                    sum(amount) over (partition by line_key)
                from %s where partner_id = ?1 order by seq""".formatted(
                        table.equals("incentive_entry") ? "period" : "null", table))
                .setParameter(1, partnerId).getResultList();
        Map<String, Ledger.Booked> booked = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Ledger.Line line = new Ledger.Line((String) r[0], (String) r[1], (BigDecimal) r[2], (String) r[3],
                    Scorecards.date(r[4]), (UUID) r[5], (UUID) r[6], (String) r[7], (String) r[8]);
            booked.put(line.key(), new Ledger.Booked((BigDecimal) r[9], line));
        }
        return booked;
    }

    private void append(String table, UUID id, UUID partnerId, Ledger.Line line, String currency, Instant at) {
        if (table.equals("incentive_entry")) {
            entityManager.createNativeQuery("""
                    insert into incentive_entry (id, partner_id, line_key, kind, amount, currency, period, day, deal_id,
                        evidence_event_id, evidence_type, reason, accrued_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""")
                    .setParameter(1, id).setParameter(2, partnerId).setParameter(3, line.key())
                    .setParameter(4, line.kind()).setParameter(5, line.amount()).setParameter(6, currency)
                    .setParameter(7, line.period()).setParameter(8, line.day()).setParameter(9, line.dealId())
                    .setParameter(10, line.evidence()).setParameter(11, line.evidenceType())
                    .setParameter(12, line.reason()).setParameter(13, at.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        } else {
            entityManager.createNativeQuery("""
                    insert into attribution_line (id, partner_id, line_key, kind, deal_id, amount, currency, day,
                        evidence_event_id, evidence_type, reason, recorded_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                    .setParameter(1, id).setParameter(2, partnerId).setParameter(3, line.key())
                    .setParameter(4, line.kind()).setParameter(5, line.dealId()).setParameter(6, line.amount())
                    .setParameter(7, currency).setParameter(8, line.day()).setParameter(9, line.evidence())
                    .setParameter(10, line.evidenceType()).setParameter(11, line.reason())
                    .setParameter(12, at.atOffset(ZoneOffset.UTC))
                    .executeUpdate();
        }
    }
}
