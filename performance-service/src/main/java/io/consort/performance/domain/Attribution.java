package io.consort.performance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Credits each won deal's revenue to the partner exactly once: as SOURCED when the partner
 * registered the deal or accepted the lead it came from, else as INFLUENCED when the partner engaged
 * with the deal's campaign (or its lead) within the window before the close — with the event that
 * proves it. A deal lost after its win takes its credit back. One key per deal and kind, so a late
 * registration turns an influenced credit into a sourced one without counting it twice.
 */
public final class Attribution {

    public static final String SOURCED = "SOURCED";
    public static final String INFLUENCED = "INFLUENCED";

    private Attribution() {
    }

    public static List<Ledger.Line> desired(List<Fact> facts, Deals deals, int influenceWindowDays) {
        Map<UUID, Fact> acceptedLeads = new HashMap<>();
        List<Fact> engagements = new ArrayList<>();
        for (Fact f : facts) {
            if (f.is(EventNames.LEAD_ACCEPTED) && f.uuid("leadId") != null) {
                acceptedLeads.putIfAbsent(f.uuid("leadId"), f);
            } else if (f.is(EventNames.ENGAGEMENT_RECORDED) || f.is(EventNames.CAMPAIGN_ENROLLED)) {
                engagements.add(f);
            }
        }
        List<Ledger.Line> lines = new ArrayList<>();
        for (Deals.Won won : deals.won()) {
            if (won.amount() == null) {
                continue;
            }
            Fact evidence = deals.registration(won.dealId()).map(Deals.Registered::fact).orElse(null);
            String kind = SOURCED;
            String why = "registered the deal";
            if (evidence == null && won.leadId() != null && acceptedLeads.containsKey(won.leadId())) {
                evidence = acceptedLeads.get(won.leadId());
                why = "accepted the lead " + won.leadId();
            }
            if (evidence == null) {
                evidence = influence(engagements, won, influenceWindowDays);
                kind = INFLUENCED;
                why = evidence == null ? null : "engaged with " + (won.campaignId() != null ? "campaign " + won.campaignId()
                        : "lead " + won.leadId()) + " on " + evidence.day();
            }
            if (evidence == null) {
                continue;
            }
            BigDecimal amount = won.lost() ? BigDecimal.ZERO : won.amount();
            lines.add(new Ledger.Line("deal:" + won.dealId() + ":" + kind, kind, amount,
                    IncentiveRules.period(won.closedOn()), won.closedOn(), won.dealId(),
                    won.lost() ? won.lostAfter().eventId() : evidence.eventId(),
                    won.lost() ? won.lostAfter().type() : evidence.type(),
                    (won.lost() ? "lost after the win; was " : "") + kind.toLowerCase() + ": the partner " + why));
        }
        return lines;
    }

    private static Fact influence(List<Fact> engagements, Deals.Won won, int windowDays) {
        LocalDate from = won.closedOn().minusDays(windowDays);
        Fact latest = null;
        for (Fact e : engagements) {
            boolean sameCampaign = won.campaignId() != null && won.campaignId().equals(e.uuid("campaignId"));
            boolean sameLead = won.leadId() != null && won.leadId().equals(e.uuid("leadId"));
            LocalDate day = e.day();
            if ((sameCampaign || sameLead) && day.isAfter(from) && !day.isAfter(won.closedOn())
                    && (latest == null || e.occurredAt().isAfter(latest.occurredAt()))) {
                latest = e;
            }
        }
        return latest;
    }
}
