package io.consort.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A partner's KPIs for every day from {@code first} to {@code last}, computed from all its facts at
 * once, so a fact that arrives late lands on the day it happened and every day after it changes
 * with it. Each fact adds a value over a range of days (a count over the trailing window, a
 * certification while it is held, a deal's amount while it is open), summed with difference arrays. Counted
 * facts come as per-day totals ({@link DayCounts}), so the live evaluation need not read them one by one.
 */
public final class Timeline {

    private final LocalDate first;
    private final int size;
    private final Map<Kpi, BigDecimal[]> values = new EnumMap<>(Kpi.class);
    private final List<String> notes;

    private Timeline(LocalDate first, int size, List<String> notes) {
        this.first = first;
        this.size = size;
        this.notes = notes;
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return first.plusDays(size - 1L);
    }

    public int size() {
        return size;
    }

    public LocalDate day(int index) {
        return first.plusDays(index);
    }

    /** The KPI's value on the day, null when there is nothing to measure (a rate without any lead). */
    public BigDecimal value(Kpi kpi, int index) {
        return values.get(kpi)[index];
    }

    public Map<Kpi, BigDecimal> on(int index) {
        Map<Kpi, BigDecimal> day = new LinkedHashMap<>();
        for (Kpi kpi : Kpi.values()) {
            day.put(kpi, values.get(kpi)[index]);
        }
        return day;
    }

    /** What could not be counted (amounts without a rate), for explanations. */
    public List<String> notes() {
        return notes;
    }

    /**
     * @param facts the partner's facts sorted by time
     * @param windowDays length of the trailing window of counts and amounts
     */
    public static Timeline compute(List<Fact> facts, ExchangeRates rates, LocalDate first, LocalDate last, int windowDays) {
        return compute(facts, DayCounts.of(facts), rates, first, last, windowDays);
    }

    /**
     * @param facts the partner's facts sorted by time; only those of {@link DayCounts#NEEDS_FACT} are read
     * @param counts the partner's per-day totals of the counted KPIs (of all its facts)
     */
    public static Timeline compute(List<Fact> facts, DayCounts counts, ExchangeRates rates, LocalDate first,
            LocalDate last, int windowDays) {
        return compute(facts, Deals.of(facts, rates), counts, rates, first, last, windowDays);
    }

    /** @param deals {@code Deals.of(facts, rates)}, when the caller needs them too */
    public static Timeline compute(List<Fact> facts, Deals deals, DayCounts counts, ExchangeRates rates, LocalDate first,
            LocalDate last, int windowDays) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " before first " + first);
        }
        int size = (int) ChronoUnit.DAYS.between(first, last) + 1;
        Timeline t = new Timeline(first, size, new ArrayList<>(deals.unconverted()));
        Ranges r = new Ranges(first, size);

        List<Instant> progressTimes = new ArrayList<>();
        List<BigDecimal> progressValues = new ArrayList<>();
        boolean active = false;
        Map<UUID, Fact> certificationsEarned = new LinkedHashMap<>();
        Map<UUID, LocalDate> certificationsExpired = new HashMap<>();
        List<LocalDate> responseDays = new ArrayList<>();
        List<BigDecimal> responseHours = new ArrayList<>();
        Set<UUID> mdfCampaigns = new HashSet<>();
        counts.forEach((day, totals) -> totals.forEach((kpi, n) -> r.trailing(kpi, day, windowDays, BigDecimal.valueOf(n))));

        for (Fact f : facts) {
            LocalDate day = f.day();
            switch (f.type()) {
                case EventNames.ONBOARDING_TASK_COMPLETED -> {
                    int required = f.integer("requiredTasks", 0);
                    BigDecimal progress = required <= 0 ? BigDecimal.ONE
                            : BigDecimal.valueOf(f.integer("requiredTasksDone", 0))
                                    .divide(BigDecimal.valueOf(required), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
                    progressTimes.add(f.occurredAt());
                    progressValues.add(active ? BigDecimal.ONE : progress);
                }
                case EventNames.PARTNER_ACTIVATED -> {
                    active = true;
                    progressTimes.add(f.occurredAt());
                    progressValues.add(BigDecimal.ONE);
                }
                case EventNames.CERTIFICATION_EARNED -> certificationsEarned.putIfAbsent(f.uuid("certificationId"), f);
                case EventNames.CERTIFICATION_EXPIRED ->
                        certificationsExpired.merge(f.uuid("certificationId"), day, (a, b) -> a.isBefore(b) ? a : b);
                case EventNames.LEAD_ACCEPTED -> {
                    Instant offeredAt = f.instant("offeredAt");
                    if (offeredAt != null && !offeredAt.isAfter(f.occurredAt())) {
                        responseDays.add(day);
                        responseHours.add(BigDecimal.valueOf(Duration.between(offeredAt, f.occurredAt()).toSeconds())
                                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP));
                    }
                }
                case EventNames.MDF_REQUEST_APPROVED -> Optional.ofNullable(f.uuid("campaignId")).ifPresent(mdfCampaigns::add);
                case EventNames.MDF_CLAIM_PAID -> {
                    Optional.ofNullable(f.uuid("campaignId")).ifPresent(mdfCampaigns::add);
                    Money paid = f.money("amount");
                    if (paid != null) {
                        Optional<BigDecimal> base = rates.toBase(paid, day);
                        if (base.isPresent()) {
                            r.trailing(Kpi.MDF_PAID, day, windowDays, base.get());
                        } else {
                            t.notes.add("MDF claim " + f.uuid("claimId") + ": " + paid + " on " + day + " has no "
                                    + paid.currency() + " rate in force");
                        }
                    }
                }
                default -> {
                    // counted facts feed their KPIs through the day totals; others feed none (profile, lifecycle)
                }
            }
        }

        // Onboarding progress: the latest value in time order, as a step function of days.
        BigDecimal current = BigDecimal.ZERO;
        for (int i = 0; i < progressTimes.size(); i++) {
            BigDecimal next = progressValues.get(i);
            r.add(Kpi.ONBOARDING_PROGRESS, Fact.dayOf(progressTimes.get(i)), null, next.subtract(current));
            current = next;
        }

        // Certifications: held from the day earned until the earlier of expiry and the expiry event.
        Map<String, List<LocalDate[]>> heldByPerson = new HashMap<>();
        for (Fact earned : certificationsEarned.values()) {
            LocalDate from = earned.day();
            LocalDate until = earned.instant("expiresAt") == null ? null : Fact.dayOf(earned.instant("expiresAt"));
            LocalDate expiredEvent = certificationsExpired.get(earned.uuid("certificationId"));
            if (expiredEvent != null && (until == null || expiredEvent.isBefore(until))) {
                until = expiredEvent;
            }
            r.add(Kpi.CERTIFICATIONS, from, until, BigDecimal.ONE);
            heldByPerson.computeIfAbsent(String.valueOf(earned.text("userId")), u -> new ArrayList<>())
                    .add(new LocalDate[] {from, until});
        }
        Ranges.Counter people = r.counter();
        heldByPerson.values().forEach(people::person);

        // Deals: won revenue while in the window and not lost; pipeline while open.
        for (Deals.Won w : deals.won()) {
            LocalDate end = w.closedOn().plusDays(windowDays);
            if (w.lost() && w.lostOn().isBefore(end)) {
                end = w.lostOn().isAfter(w.closedOn()) ? w.lostOn() : w.closedOn();
            }
            r.add(Kpi.DEALS_WON, w.closedOn(), end, BigDecimal.ONE);
            if (w.amount() != null) {
                r.add(Kpi.WON_REVENUE, w.closedOn(), end, w.amount());
                if (w.campaignId() != null && mdfCampaigns.contains(w.campaignId())) {
                    r.addMdfRevenue(w.closedOn(), end, w.amount());
                }
            }
        }
        for (Deals.Registered reg : deals.registered()) {
            if (reg.amount() != null) {
                r.add(Kpi.PIPELINE, reg.registeredOn(), reg.closedOn(), reg.amount());
            }
        }

        r.settle(t.values);
        t.values.put(Kpi.CERTIFIED_PEOPLE, people.settle());
        BigDecimal[] mdfRevenue = r.mdfRevenue();
        BigDecimal[] acceptance = new BigDecimal[size];
        BigDecimal[] conversion = new BigDecimal[size];
        BigDecimal[] mdfReturn = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            BigDecimal accepted = t.values.get(Kpi.LEADS_ACCEPTED)[i];
            BigDecimal answered = accepted.add(t.values.get(Kpi.LEADS_DECLINED)[i]).add(t.values.get(Kpi.LEADS_TIMED_OUT)[i]);
            acceptance[i] = ratio(accepted, answered);
            conversion[i] = ratio(t.values.get(Kpi.LEADS_CONVERTED)[i], accepted);
            mdfReturn[i] = ratio(mdfRevenue[i], t.values.get(Kpi.MDF_PAID)[i]);
        }
        t.values.put(Kpi.LEAD_ACCEPTANCE_RATE, acceptance);
        t.values.put(Kpi.LEAD_CONVERSION_RATE, conversion);
        t.values.put(Kpi.MDF_RETURN, mdfReturn);
        t.values.put(Kpi.MEDIAN_LEAD_RESPONSE_HOURS, medians(first, size, windowDays, responseDays, responseHours));
        return t;
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    /** The median of the responses inside each day's trailing window (responses sorted by day). */
    private static BigDecimal[] medians(LocalDate first, int size, int windowDays, List<LocalDate> days,
            List<BigDecimal> hours) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> days.get(a).compareTo(days.get(b)));
        BigDecimal[] medians = new BigDecimal[size];
        int from = 0;
        int to = 0;
        for (int i = 0; i < size; i++) {
            LocalDate day = first.plusDays(i);
            while (to < order.size() && !days.get(order.get(to)).isAfter(day)) {
                to++;
            }
            while (from < to && !days.get(order.get(from)).plusDays(windowDays).isAfter(day)) {
                from++;
            }
            if (to > from) {
                List<BigDecimal> window = new ArrayList<>();
                for (int k = from; k < to; k++) {
                    window.add(hours.get(order.get(k)));
                }
                window.sort(null);
                int n = window.size();
                medians[i] = n % 2 == 1 ? window.get(n / 2)
                        : window.get(n / 2 - 1).add(window.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            }
        }
        return medians;
    }
}
