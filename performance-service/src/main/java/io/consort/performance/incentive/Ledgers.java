package io.consort.performance.incentive;

import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.IncentiveAccrued;
import io.consort.performance.config.PerformanceConfig;
import io.consort.performance.domain.Attribution;
import io.consort.performance.domain.Deals;
import io.consort.performance.domain.ExchangeRates;
import io.consort.performance.domain.Fact;
import io.consort.performance.domain.IncentiveRules;
import io.consort.performance.domain.Ledger;
import io.consort.performance.domain.PartnerEvaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Keeps a partner's incentive and attribution ledgers in step with its facts: computes the lines
 * each should hold ({@link IncentiveRules}, {@link Attribution}) and appends what is missing
 * ({@link Ledger#diff}); each new incentive line publishes {@code incentive.accrued}. Runs in the
 * evaluation's transaction, under the scorecard's row lock. For a batch of partners the booked lines
 * are read with one query per ledger ({@link #bookedOf}) and the new lines gathered in {@link Appends},
 * written with one JDBC batch per ledger and published with one outbox call.
 */
@ApplicationScoped
public class Ledgers {

    public static final String RULES = io.consort.performance.config.EvaluationSettings.RULES;

    @Inject
    EntityManager entityManager;

    @Inject
    PerformanceConfig config;

    @Inject
    Outbox outbox;

    /** What a partner's two ledgers hold so far, by line key. */
    public record Booked(Map<String, Ledger.Booked> incentives, Map<String, Ledger.Booked> attribution) {
    }

    /** A line to append to one of the ledgers. */
    private record Append(UUID id, UUID partnerId, Ledger.Line line, String currency, Instant at, boolean publish) {
    }

    /** The lines a batch of evaluations appends, written by {@link Ledgers#write}. */
    public static final class Appends {
        private final List<Append> incentives = new ArrayList<>();
        private final List<Append> attribution = new ArrayList<>();

        public boolean isEmpty() {
            return incentives.isEmpty() && attribution.isEmpty();
        }
    }

    /**
     * The lines a partner's two ledgers should hold according to its facts and evaluated days, and their
     * digest: after {@link #reconcile} the booked lines of every key add up to what these lines say (and every
     * other booked key to zero), so while the digest is the one a partner's last reconcile stored, its ledgers
     * are already right and need not be read at all.
     */
    public record Desired(List<Ledger.Line> incentives, List<Ledger.Line> attribution, String digest) {
    }

    /**
     * What the partner's ledgers should hold, from its facts (sorted by time), their deals ({@code Deals.of(facts,
     * rates)}) and its evaluated days.
     */
    public Desired desired(List<Fact> facts, Deals deals, List<PartnerEvaluation.Day> days, ExchangeRates rates,
            IncentiveRules rules) {
        Map<LocalDate, String> tiers = new HashMap<>();
        days.forEach(d -> tiers.put(d.day(), d.tier().name()));
        String entry = days.isEmpty() ? "REGISTERED" : days.get(0).tier().name();
        LocalDate last = days.isEmpty() ? null : days.get(days.size() - 1).day();
        List<Ledger.Line> incentives = rules.desired(facts, deals, day -> tiers.getOrDefault(day,
                last != null && day.isAfter(last) ? tiers.get(last) : entry), rates.base());
        List<Ledger.Line> credits = Attribution.desired(facts, deals, config.influenceWindowDays());
        return new Desired(incentives, credits, digest(incentives, credits));
    }

    /**
     * A digest of what the ledgers should add up to: each key's total (lines of one key summed, as
     * {@link Ledger#diff} sums them), keys adding up to zero left out (a zero key and an absent one need the same
     * lines: none), amounts compared by value (250 and 250.00 alike).
     */
    static String digest(List<Ledger.Line> incentives, List<Ledger.Line> attribution) {
        java.util.TreeMap<String, BigDecimal> totals = new java.util.TreeMap<>();
        incentives.forEach(l -> totals.merge("I " + l.key(), l.amount(), BigDecimal::add));
        attribution.forEach(l -> totals.merge("A " + l.key(), l.amount(), BigDecimal::add));
        StringBuilder text = new StringBuilder();
        totals.forEach((key, total) -> {
            if (total.signum() != 0) {
                text.append(key).append('=').append(total.stripTrailingZeros().toPlainString()).append('\n');
            }
        });
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds to {@code out} the lines that bring the partner's ledgers to {@code desired}, given what they hold
     * ({@code booked}, read before this batch changed them).
     */
    public void reconcile(UUID partnerId, Desired desired, String currency, Booked booked, boolean publish, Instant at,
            Appends out) {
        for (Ledger.Line line : Ledger.diff(desired.incentives(), booked.incentives(), IncentiveRules.REVERSAL)) {
            out.incentives.add(new Append(UUID.randomUUID(), partnerId, line, currency, at, publish));
        }
        for (Ledger.Line line : Ledger.diff(desired.attribution(), booked.attribution(), null)) {
            out.attribution.add(new Append(UUID.randomUUID(), partnerId, line, currency, at, false));
        }
    }

    /** What these partners' ledgers hold, with one query per ledger whatever their number. */
    public Map<UUID, Booked> bookedOf(Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<String, Ledger.Booked>> incentives = booked("incentive_entry", partnerIds);
        Map<UUID, Map<String, Ledger.Booked>> attribution = booked("attribution_line", partnerIds);
        Map<UUID, Booked> booked = new HashMap<>();
        for (UUID partnerId : partnerIds) {
            booked.put(partnerId, new Booked(incentives.getOrDefault(partnerId, Map.of()),
                    attribution.getOrDefault(partnerId, Map.of())));
        }
        return booked;
    }

    private Map<UUID, Map<String, Ledger.Booked>> booked(String table, Collection<UUID> partnerIds) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select partner_id, line_key, kind, amount, %s, day, deal_id, evidence_event_id, evidence_type, reason,
                        sum(amount) over (partition by partner_id, line_key)
                    from %s where partner_id = any(?) order by partner_id, seq""".formatted(
                            table.equals("incentive_entry") ? "period" : "null", table))) {
                select.setArray(1, connection.createArrayOf("uuid", partnerIds.toArray()));
                Map<UUID, Map<String, Ledger.Booked>> booked = new HashMap<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Ledger.Line line = new Ledger.Line(rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, UUID.class),
                                rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10));
                        booked.computeIfAbsent(rs.getObject(1, UUID.class), p -> new LinkedHashMap<>())
                                .put(line.key(), new Ledger.Booked(rs.getBigDecimal(11), line));
                    }
                }
                return booked;
            }
        });
    }

    /** Appends the gathered lines (one JDBC batch per ledger) and publishes the new incentive lines (one outbox call). */
    public void write(Appends appends) {
        if (appends.isEmpty()) {
            return;
        }
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into incentive_entry (id, partner_id, line_key, kind, amount, currency, period, day, deal_id,
                        evidence_event_id, evidence_type, reason, accrued_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Append a : appends.incentives) {
                    Ledger.Line line = a.line();
                    insert.setObject(1, a.id());
                    insert.setObject(2, a.partnerId());
                    insert.setString(3, line.key());
                    insert.setString(4, line.kind());
                    insert.setBigDecimal(5, line.amount());
                    insert.setString(6, a.currency());
                    insert.setString(7, line.period());
                    insert.setObject(8, line.day());
                    insert.setObject(9, line.dealId());
                    insert.setObject(10, line.evidence());
                    insert.setString(11, line.evidenceType());
                    insert.setString(12, line.reason());
                    insert.setObject(13, a.at().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                execute(insert, appends.incentives);
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into attribution_line (id, partner_id, line_key, kind, deal_id, amount, currency, day,
                        evidence_event_id, evidence_type, reason, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Append a : appends.attribution) {
                    Ledger.Line line = a.line();
                    insert.setObject(1, a.id());
                    insert.setObject(2, a.partnerId());
                    insert.setString(3, line.key());
                    insert.setString(4, line.kind());
                    insert.setObject(5, line.dealId());
                    insert.setBigDecimal(6, line.amount());
                    insert.setString(7, a.currency());
                    insert.setObject(8, line.day());
                    insert.setObject(9, line.evidence());
                    insert.setString(10, line.evidenceType());
                    insert.setString(11, line.reason());
                    insert.setObject(12, a.at().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                execute(insert, appends.attribution);
            }
        });
        List<Outbox.Emission<IncentiveAccrued>> accrued = new ArrayList<>();
        for (Append a : appends.incentives) {
            if (a.publish()) {
                Ledger.Line line = a.line();
                accrued.add(new Outbox.Emission<>(a.id(), a.partnerId(), new IncentiveAccrued(a.id(), a.partnerId(),
                        IncentiveAccrued.Kind.valueOf(line.kind()), new IncentiveAccrued.Money(line.amount(), a.currency()),
                        line.period(), line.dealId(), line.reason(), a.at())));
            }
        }
        outbox.emitAll(EventTypes.INCENTIVE_ACCRUED, accrued);
    }

    private static void execute(PreparedStatement batch, List<?> rows) throws SQLException {
        if (!rows.isEmpty()) {
            batch.executeBatch();
        }
    }
}
