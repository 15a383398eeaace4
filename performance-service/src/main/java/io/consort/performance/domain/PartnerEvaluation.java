package io.consort.performance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A partner's whole standing, day by day from the day its scorecard opened until {@code today}:
 * KPIs, score, the tier it is eligible for, the tier it holds (with grace) and why. Computed from
 * all its facts every time, so the order facts arrived in never matters.
 */
public final class PartnerEvaluation {

    /** One day's standing, as of the end of that day (or now, for today). */
    public record Day(LocalDate day, Map<Kpi, BigDecimal> kpis, ScoringModel.Score score,
            TierLadder.Eligibility eligibility, TierLadder.Rung tier, LocalDate downgradeDueOn, String explanation) {
    }

    private PartnerEvaluation() {
    }

    /**
     * @param facts the partner's facts sorted by time (facts before {@code opened} count too)
     * @param models the scoring model in force on a day
     */
    public static List<Day> evaluate(List<Fact> facts, ExchangeRates rates, Function<LocalDate, ScoringModel> models,
            TierLadder ladder, LocalDate opened, LocalDate today, int windowDays) {
        return evaluate(facts, DayCounts.of(facts), rates, models, ladder, opened, today, windowDays);
    }

    /**
     * @param facts the partner's facts sorted by time; only those of {@link DayCounts#NEEDS_FACT} are read
     * @param counts the per-day totals of all the partner's counted facts
     */
    public static List<Day> evaluate(List<Fact> facts, DayCounts counts, ExchangeRates rates,
            Function<LocalDate, ScoringModel> models, TierLadder ladder, LocalDate opened, LocalDate today,
            int windowDays) {
        return evaluate(facts, Deals.of(facts, rates), counts, rates, models, ladder, opened, today, windowDays);
    }

    /** @param deals {@code Deals.of(facts, rates)}, when the caller needs them too (the ledgers) */
    public static List<Day> evaluate(List<Fact> facts, Deals deals, DayCounts counts, ExchangeRates rates,
            Function<LocalDate, ScoringModel> models, TierLadder ladder, LocalDate opened, LocalDate today,
            int windowDays) {
        LocalDate earliest = facts.isEmpty() ? null : facts.get(0).day();
        if (counts.first() != null && (earliest == null || counts.first().isBefore(earliest))) {
            earliest = counts.first();
        }
        LocalDate first = earliest == null || !earliest.isBefore(opened) ? opened
                : earliest.isBefore(opened.minusDays(windowDays)) ? opened.minusDays(windowDays) : earliest;
        LocalDate last = today.isBefore(opened) ? opened : today;
        Timeline timeline = Timeline.compute(facts, deals, counts, rates, first, last, windowDays);
        TierAssignment assignment = new TierAssignment(ladder.entry(), ladder.graceDays());
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            LocalDate day = timeline.day(i);
            if (day.isBefore(opened)) {
                continue;
            }
            Map<Kpi, BigDecimal> kpis = timeline.on(i);
            ScoringModel.Score score = models.apply(day).score(kpis);
            TierLadder.Eligibility eligibility = ladder.eligibility(score.score(),
                    kpis.get(Kpi.CERTIFIED_PEOPLE).intValue(), kpis.get(Kpi.WON_REVENUE), rates.base());
            TierLadder.Rung tier = assignment.next(day, eligibility.tier());
            LocalDate due = assignment.downgradeDueOn();
            days.add(new Day(day, kpis, score, eligibility, tier, due,
                    explain(tier, eligibility, due, timeline.notes())));
        }
        return days;
    }

    static String explain(TierLadder.Rung tier, TierLadder.Eligibility eligibility, LocalDate due, List<String> notes) {
        StringBuilder why = new StringBuilder();
        if (tier.rank() > eligibility.tier().rank()) {
            why.append(tier.name()).append(" held in its grace period until ").append(due)
                    .append(": eligible only for ").append(eligibility.because());
        } else {
            why.append(eligibility.because());
        }
        if (eligibility.next() != null) {
            why.append("; ").append(eligibility.next());
        }
        if (!notes.isEmpty()) {
            why.append("; not counted: ").append(String.join("; ", notes));
        }
        return why.toString();
    }
}
