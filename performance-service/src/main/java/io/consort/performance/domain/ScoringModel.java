package io.consort.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A program's scorecard: weighted KPIs with targets, weights summing to 100. A KPI reaching its
 * target earns its whole weight; below it, the share reached (for a KPI where lower is better, the
 * target over the value); a KPI with nothing to measure earns nothing.
 */
public record ScoringModel(List<Weighted> kpis) {

    /** One KPI of the scorecard; {@code weight} in points out of 100, {@code target} positive. */
    public record Weighted(Kpi kpi, int weight, BigDecimal target) {
    }

    /** A KPI's part of a score. */
    public record Contribution(Kpi kpi, BigDecimal value, BigDecimal target, int weight, BigDecimal contribution) {
    }

    /** A score 0-100 and how each KPI made it. */
    public record Score(int score, List<Contribution> contributions) {
    }

    /** The scorecard a program has until the vendor defines its own: every partner is scored out of the box. */
    public static final ScoringModel DEFAULT = new ScoringModel(List.of(
            new Weighted(Kpi.WON_REVENUE, 30, new BigDecimal("250000")),
            new Weighted(Kpi.DEALS_WON, 15, new BigDecimal("10")),
            new Weighted(Kpi.CERTIFIED_PEOPLE, 15, new BigDecimal("2")),
            new Weighted(Kpi.LEAD_ACCEPTANCE_RATE, 10, new BigDecimal("0.8")),
            new Weighted(Kpi.LEAD_CONVERSION_RATE, 10, new BigDecimal("0.3")),
            new Weighted(Kpi.MEDIAN_LEAD_RESPONSE_HOURS, 5, new BigDecimal("24")),
            new Weighted(Kpi.ONBOARDING_PROGRESS, 5, BigDecimal.ONE),
            new Weighted(Kpi.CAMPAIGN_ENGAGEMENTS, 5, new BigDecimal("10")),
            new Weighted(Kpi.COMMUNITY_ACTIVITY, 5, new BigDecimal("20"))));

    public ScoringModel {
        kpis = List.copyOf(kpis);
    }

    /** What is wrong with this definition, empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kpis.isEmpty()) {
            problems.add("kpis: at least one KPI");
        }
        Set<Kpi> seen = EnumSet.noneOf(Kpi.class);
        int total = 0;
        for (int i = 0; i < kpis.size(); i++) {
            Weighted w = kpis.get(i);
            if (w.kpi() == null) {
                problems.add("kpis[" + i + "].kpi: required");
                continue;
            }
            if (!seen.add(w.kpi())) {
                problems.add("kpis[" + i + "].kpi: " + w.kpi() + " appears twice");
            }
            if (w.weight() < 1 || w.weight() > 100) {
                problems.add("kpis[" + i + "].weight: between 1 and 100");
            }
            if (w.target() == null || w.target().signum() <= 0) {
                problems.add("kpis[" + i + "].target: a positive number");
            }
            total += w.weight();
        }
        if (!kpis.isEmpty() && total != 100) {
            problems.add("kpis: weights add up to " + total + ", not 100");
        }
        return problems;
    }

    public Score score(Map<Kpi, BigDecimal> values) {
        List<Contribution> contributions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Weighted w : kpis) {
            BigDecimal value = values.get(w.kpi());
            BigDecimal share = share(w, value);
            BigDecimal points = share.multiply(BigDecimal.valueOf(w.weight())).setScale(2, RoundingMode.HALF_UP);
            contributions.add(new Contribution(w.kpi(), value, w.target(), w.weight(), points));
            total = total.add(points);
        }
        int score = total.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)).intValue();
        return new Score(score, contributions);
    }

    /** The share (0-1) of the KPI's weight earned with {@code value}. */
    static BigDecimal share(Weighted w, BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (w.kpi().higherIsBetter()) {
            return value.signum() <= 0 ? BigDecimal.ZERO
                    : value.divide(w.target(), 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        }
        return value.compareTo(w.target()) <= 0 ? BigDecimal.ONE : w.target().divide(value, 6, RoundingMode.HALF_UP);
    }
}
