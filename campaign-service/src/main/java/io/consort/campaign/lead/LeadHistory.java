package io.consort.campaign.lead;

import io.consort.chassis.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A lead's routing history: every decision with its reason, in order (the lead row is locked while one is added). */
@ApplicationScoped
public class LeadHistory {

    @Inject
    EntityManager em;

    public RoutingDecision record(Lead lead, DecisionKind kind, UUID partnerId, UUID ruleId, Long ruleVersion,
            String reason, String actor, Instant at) {
        Integer last = NativeQueries.column(em, Integer.class,
                "select coalesce(max(seq), 0) from lead_routing_decisions where lead_id = ?", lead.id).get(0);
        RoutingDecision decision = new RoutingDecision();
        decision.id = UUID.randomUUID();
        decision.leadId = lead.id;
        decision.seq = last + 1;
        decision.at = at;
        decision.kind = kind;
        decision.partnerId = partnerId;
        decision.ruleId = ruleId;
        decision.ruleVersion = ruleVersion;
        decision.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        decision.actor = actor;
        decision.persist();
        return decision;
    }

    /** Partners that declined this lead or let its offer time out: it is never offered to them again. */
    public Set<UUID> excludedPartners(UUID leadId) {
        return new HashSet<>(NativeQueries.column(em, UUID.class, """
                select partner_id from lead_routing_decisions
                where lead_id = ? and kind in ('DECLINED', 'TIMED_OUT') and partner_id is not null""", leadId));
    }

    public List<RoutingDecision> of(UUID leadId) {
        return RoutingDecision.list("leadId = ?1 order by seq", leadId);
    }
}
