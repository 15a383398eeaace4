package io.consort.performance.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A partner's per-day running totals of the counted KPIs: how many facts of each counted kind happened on
 * each day (leads offered, accepted, declined, timed out and converted, deals registered and lost,
 * enrolments, engagements, community activity). A count over the trailing window is additive, so the
 * KPI on a day is the sum of these totals over the window's days, whatever order the facts came in:
 * live intake adds the new facts' totals to {@code partner_day_count} (one upsert per batch) and the
 * evaluation reads the totals instead of the facts they count. Only the facts whose content more than
 * their count feeds a KPI, the tiers or the ledgers ({@link #NEEDS_FACT}) are read as facts.
 */
public final class DayCounts {

    /**
     * The event types the evaluation reads as facts: state beyond a count (onboarding progress,
     * certifications per person and expiry, lead response times, deals, MDF), the profile, and the
     * evidence of the incentive and attribution ledgers. Every other fact counts only through its total.
     */
    public static final Set<String> NEEDS_FACT = Set.of(EventNames.ONBOARDING_STARTED,
            EventNames.ONBOARDING_TASK_COMPLETED, EventNames.PARTNER_ACTIVATED, EventNames.PROFILE_UPDATED,
            EventNames.CERTIFICATION_EARNED, EventNames.CERTIFICATION_EXPIRED, EventNames.LEAD_ACCEPTED,
            EventNames.DEAL_REGISTERED, EventNames.DEAL_WON, EventNames.DEAL_LOST, EventNames.DEAL_EXPIRED,
            EventNames.DEAL_REJECTED, EventNames.MDF_REQUEST_APPROVED, EventNames.MDF_CLAIM_PAID,
            EventNames.CAMPAIGN_ENROLLED, EventNames.ENGAGEMENT_RECORDED);

    private final TreeMap<LocalDate, EnumMap<Kpi, Integer>> days = new TreeMap<>();

    /** The KPI a fact adds one to on its day, or null if it counts for none. */
    public static Kpi counted(Fact f) {
        return switch (f.type()) {
            case EventNames.LEAD_ASSIGNED -> Kpi.LEADS_OFFERED;
            case EventNames.LEAD_ACCEPTED -> Kpi.LEADS_ACCEPTED;
            case EventNames.LEAD_REJECTED -> "TIMED_OUT".equals(f.text("outcome")) ? Kpi.LEADS_TIMED_OUT
                    : Kpi.LEADS_DECLINED;
            case EventNames.LEAD_CONVERTED -> Kpi.LEADS_CONVERTED;
            case EventNames.DEAL_REGISTERED -> Kpi.DEALS_REGISTERED;
            case EventNames.DEAL_LOST -> Kpi.DEALS_LOST;
            case EventNames.CAMPAIGN_ENROLLED -> Kpi.CAMPAIGN_ENROLMENTS;
            case EventNames.ENGAGEMENT_RECORDED -> Kpi.CAMPAIGN_ENGAGEMENTS;
            case EventNames.RESOURCE_OPENED, EventNames.THREAD_CREATED, EventNames.POST_CREATED,
                    EventNames.ANSWER_ACCEPTED -> Kpi.COMMUNITY_ACTIVITY;
            default -> null;
        };
    }

    /** The totals of these facts (each fact once): what {@code partner_day_count} holds for them. */
    public static DayCounts of(Iterable<Fact> facts) {
        DayCounts counts = new DayCounts();
        for (Fact f : facts) {
            Kpi kpi = counted(f);
            if (kpi != null) {
                counts.add(f.day(), kpi, 1);
            }
        }
        return counts;
    }

    public DayCounts add(LocalDate day, Kpi kpi, int count) {
        days.computeIfAbsent(day, d -> new EnumMap<>(Kpi.class)).merge(kpi, count, Integer::sum);
        return this;
    }

    /** The earliest day with a count, or null. */
    public LocalDate first() {
        return days.isEmpty() ? null : days.firstKey();
    }

    public void forEach(BiConsumer<LocalDate, Map<Kpi, Integer>> action) {
        days.forEach(action);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayCounts other && days.equals(other.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return days.toString();
    }
}
