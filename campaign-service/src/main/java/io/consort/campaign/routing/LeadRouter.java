package io.consort.campaign.routing;

import io.consort.campaign.lead.DecisionKind;
import io.consort.campaign.lead.Lead;
import io.consort.campaign.lead.LeadHistory;
import io.consort.campaign.partner.Partner;
import io.consort.campaign.partner.PartnerRepository;
import io.consort.chassis.outbox.Outbox;
import io.consort.contracts.EventTypes;
import io.consort.contracts.events.LeadAssigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Offers a lead to the next partner: the partner whose tracked link brought it first (when eligible),
 * else the weighted rotation of the first active rule that applies; records the decision and its reason
 * and publishes {@code lead.assigned}; leaves the lead UNROUTED when nobody is left. Runs inside the
 * caller's transaction with the lead row locked; the rule's row is locked too while its rotation
 * advances, so two instances routing under one rule take turns and capacity counts stay true.
 */
@ApplicationScoped
public class LeadRouter {

    private static final String ROUTER = "router";

    @Inject
    EntityManager em;

    @Inject
    LeadHistory history;

    @Inject
    PartnerRepository partners;

    @Inject
    Outbox outbox;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /**
     * What the decisions of one transaction share (a deadline sweep's batch, a bulk import's window): the active
     * rules and each rule's ACTIVE partners, read once per transaction rather than once per lead. Open-lead counts
     * and rotation passes change with every decision and are read each time.
     */
    private static final class Snapshot {
        List<RoutingRule> rules;
        final Map<UUID, List<RoutingPolicy.PartnerFacts>> partners = new HashMap<>();
    }

    private Snapshot snapshot() {
        Snapshot snapshot = (Snapshot) transaction.getResource(Snapshot.class);
        if (snapshot == null) {
            snapshot = new Snapshot();
            transaction.putResource(Snapshot.class, snapshot);
        }
        return snapshot;
    }

    /** SLA when no rule applies (an offer by hand, a referral outside every rule). */
    @ConfigProperty(name = "consort.campaign.leads.default-acceptance-sla", defaultValue = "PT48H")
    Duration defaultSla;

    /** Routes {@code lead} (locked by the caller); {@code context} says why it is being routed ("previous partner declined"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void route(Lead lead, String context, Instant now) {
        Set<UUID> excluded = history.excludedPartners(lead.id);
        Optional<RoutingRule> rule = ruleFor(lead);
        if (lead.attempt == 0 && lead.refPartnerId != null && !excluded.contains(lead.refPartnerId)) {
            Partner ref = partners.findById(lead.refPartnerId);
            boolean room = rule.isEmpty()
                    || openLeads(rule.get().id, List.of(lead.refPartnerId)).getOrDefault(lead.refPartnerId, 0) < rule.get().capacity;
            if (ref != null && ref.isActive() && room) {
                offer(lead, ref.id(), rule.orElse(null), "brought by the partner's own tracked link", context, now);
                return;
            }
        }
        if (rule.isEmpty()) {
            unrouted(lead, null, "no active routing rule applies to region " + lead.region + ", specialisation "
                    + lead.specialisation, context, now);
            return;
        }
        RoutingRule r = rule.get();
        long clock = lockRule(r.id);
        List<RoutingPolicy.PartnerFacts> facts = snapshot().partners.computeIfAbsent(r.id, id -> activePartners(r));
        Map<UUID, Integer> open = openLeads(r.id, facts.stream().map(RoutingPolicy.PartnerFacts::partnerId).toList());
        List<RoutingPolicy.Eligible> eligible = RoutingPolicy.eligible(r, lead.region, lead.specialisation, facts, open,
                excluded);
        if (eligible.isEmpty()) {
            unrouted(lead, r, "no eligible partner left under rule '" + r.name + "' v" + r.version + " ("
                    + excluded.size() + " declined or timed out)", context, now);
            return;
        }
        Map<UUID, Long> passes = passes(r.id);
        List<WeightedRotation.Candidate> candidates = new ArrayList<>(eligible.size());
        Map<UUID, RoutingPolicy.Eligible> byId = new HashMap<>();
        for (RoutingPolicy.Eligible e : eligible) {
            candidates.add(new WeightedRotation.Candidate(e.partner().partnerId(), e.weight(), passes.get(e.partner().partnerId())));
            byId.put(e.partner().partnerId(), e);
        }
        WeightedRotation.Pick pick = WeightedRotation.pick(candidates, clock);
        UUID chosen = pick.candidate().partnerId();
        advance(r.id, chosen, pick.newPass(), pick.newClock());
        offer(lead, chosen, r, RoutingPolicy.reason(r, byId.get(chosen), lead.region, lead.specialisation,
                eligible.size()), context, now);
    }

    /** Offers the lead to a partner the vendor chose. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignByHand(Lead lead, UUID partnerId, String actor, Instant now) {
        Optional<RoutingRule> rule = ruleFor(lead);
        Duration sla = rule.map(RoutingRule::acceptanceSla).orElse(defaultSla);
        lead.offer(partnerId, rule.map(r -> r.id).orElse(null), now, now.plus(sla));
        history.record(lead, DecisionKind.ASSIGNED_BY_HAND, partnerId, rule.map(r -> r.id).orElse(null),
                rule.map(r -> r.version).orElse(null), "assigned by hand by " + actor, actor, now);
        assigned(lead, "assigned by hand by " + actor, now);
    }

    private void offer(Lead lead, UUID partnerId, RoutingRule rule, String reason, String context, Instant now) {
        Duration sla = rule == null ? defaultSla : rule.acceptanceSla();
        lead.offer(partnerId, rule == null ? null : rule.id, now, now.plus(sla));
        String why = "offered to " + partnerId + " because " + reason + (context == null ? "" : "; " + context);
        history.record(lead, DecisionKind.OFFERED, partnerId, rule == null ? null : rule.id,
                rule == null ? null : rule.version, why, ROUTER, now);
        assigned(lead, why, now);
    }

    private void assigned(Lead lead, String reason, Instant now) {
        outbox.emit(EventTypes.LEAD_ASSIGNED, lead.id, lead.partnerId, new LeadAssigned(lead.id, lead.partnerId,
                lead.campaignId, lead.acceptBy, lead.attempt, reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                now));
    }

    private void unrouted(Lead lead, RoutingRule rule, String reason, String context, Instant now) {
        lead.unrouted(now);
        history.record(lead, DecisionKind.UNROUTED, null, rule == null ? null : rule.id,
                rule == null ? null : rule.version, "back to the vendor: " + reason + (context == null ? "" : "; " + context),
                ROUTER, now);
    }

    /** The first active rule by priority that applies to the lead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RoutingRule> ruleFor(Lead lead) {
        Snapshot snapshot = snapshot();
        if (snapshot.rules == null) {
            snapshot.rules = RoutingRule.list("active = true order by priority, createdAt, id");
        }
        List<RoutingRule> rules = snapshot.rules;
        return rules.stream().filter(r -> RoutingPolicy.applies(r, lead.region, lead.specialisation)).findFirst();
    }

    private long lockRule(UUID ruleId) {
        return ((Number) em.createNativeQuery("select rotation_clock from routing_rules where id = ?1 for update")
                .setParameter(1, ruleId).getSingleResult()).longValue();
    }

    private void advance(UUID ruleId, UUID partnerId, long pass, long clock) {
        em.createNativeQuery("""
                insert into routing_rotation (rule_id, partner_id, pass, picks) values (?1, ?2, ?3, 1)
                on conflict (rule_id, partner_id) do update set pass = excluded.pass, picks = routing_rotation.picks + 1""")
                .setParameter(1, ruleId).setParameter(2, partnerId).setParameter(3, pass).executeUpdate();
        em.createNativeQuery("update routing_rules set rotation_clock = ?1 where id = ?2")
                .setParameter(1, clock).setParameter(2, ruleId).executeUpdate();
    }

    /** ACTIVE partners at or above the rule's minimum tier rank, in its programs (when it names any). */
    private List<RoutingPolicy.PartnerFacts> activePartners(RoutingRule rule) {
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            String sql = "select id, tier, tier_rank, region, specialisations from partners where status = 'ACTIVE'"
                    + " and tier_rank >= ?" + (rule.programIds.isEmpty() ? "" : " and program_id = any (?)");
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setInt(1, rule.minTierRank);
                if (!rule.programIds.isEmpty()) {
                    query.setArray(2, connection.createArrayOf("uuid", rule.programIds.toArray()));
                }
                List<RoutingPolicy.PartnerFacts> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Array specs = rows.getArray(5);
                        found.add(new RoutingPolicy.PartnerFacts(rows.getObject(1, UUID.class), rows.getString(2),
                                rows.getInt(3), rows.getString(4),
                                specs == null ? List.of() : Arrays.asList((String[]) specs.getArray())));
                    }
                }
                return found;
            }
        });
    }

    /**
     * Open (offered or accepted) leads per partner among {@code partnerIds} under rule {@code ruleId}: a rule's
     * capacity is each partner's room for that rule's leads, whatever it holds under other rules.
     */
    Map<UUID, Integer> openLeads(UUID ruleId, List<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return Map.of();
        }
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select partner_id, count(*) from leads
                    where state in ('OFFERED', 'ACCEPTED') and rule_id = ? and partner_id = any (?) group by partner_id""")) {
                query.setObject(1, ruleId);
                query.setArray(2, connection.createArrayOf("uuid", partnerIds.toArray()));
                Map<UUID, Integer> open = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        open.put(rows.getObject(1, UUID.class), rows.getInt(2));
                    }
                }
                return open;
            }
        });
    }

    private Map<UUID, Long> passes(UUID ruleId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select partner_id, pass from routing_rotation where rule_id = ?")) {
                query.setObject(1, ruleId);
                Map<UUID, Long> passes = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        passes.put(rows.getObject(1, UUID.class), rows.getLong(2));
                    }
                }
                return passes;
            }
        });
    }
}
