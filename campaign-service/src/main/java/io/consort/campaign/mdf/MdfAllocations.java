package io.consort.campaign.mdf;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.campaign.partner.Partner;
import io.consort.chassis.etag.ETags;
import io.consort.chassis.problem.Problems;
import io.consort.chassis.security.CallerScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A program's MDF allocation rules: kept per program (ETag = version) with every version it had, read by the
 * fund-request and claim submissions and approvals through {@link #rulesOf(MdfBudget)}, and turned into budgets
 * by {@link #allocate}, which opens one
 * per ACTIVE partner of the program (from the partner view kept from events) that has no budget for the period
 * yet, each through an ALLOCATED ledger entry: running it twice allocates once.
 */
@ApplicationScoped
public class MdfAllocations {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CallerScope caller;

    @Inject
    MdfLedger ledger;

    public record Stored(MdfAllocationRuleSet set, AllocationRules rules, boolean created) {
    }

    /** The rules that govern a budget, and their version (named in the ledger entries checked against them). */
    public record Applied(AllocationRules rules, long version, UUID programId) {

        /** The ledger note of an entry whose amount these rules were checked against. */
        public String note() {
            return "checked against allocation rules version " + version + " of program " + programId;
        }
    }

    /** The rules of a program; a partner-side caller reads only its own program's (404 otherwise). */
    @Transactional
    public Stored rules(UUID programId) {
        MdfAllocationRuleSet set = visible(programId);
        return new Stored(set, set.rules(json), false);
    }

    /** Every version of a program's rules, oldest first; visible as {@link #rules(UUID)} is. */
    @Transactional
    public List<MdfAllocationRuleVersion> versions(UUID programId) {
        visible(programId);
        return em.createQuery("from MdfAllocationRuleVersion v where v.programId = :p order by v.version",
                MdfAllocationRuleVersion.class).setParameter("p", programId).getResultList();
    }

    /** One version of a program's rules, as it read while it was current. */
    @Transactional
    public MdfAllocationRuleVersion version(UUID programId, long version) {
        visible(programId);
        MdfAllocationRuleVersion v = em.find(MdfAllocationRuleVersion.class, new MdfAllocationRuleVersion.Key(programId, version));
        if (v == null) {
            throw Problems.notFound("version " + version + " of the MDF allocation rules of program " + programId);
        }
        return v;
    }

    /** The rules a version holds. */
    public AllocationRules rulesOf(MdfAllocationRuleVersion v) {
        return v.terms.rules(json, "version " + v.version + " of program " + v.programId);
    }

    private MdfAllocationRuleSet visible(UUID programId) {
        if (caller.isPartnerSide()) {
            UUID own = caller.partnerId().map(id -> em.find(Partner.class, id)).map(Partner::programId).orElse(null);
            if (!programId.equals(own)) {
                throw notFound(programId);
            }
        }
        MdfAllocationRuleSet set = em.find(MdfAllocationRuleSet.class, programId);
        if (set == null) {
            throw notFound(programId);
        }
        return set;
    }

    /**
     * Sets a program's rules: the first time without If-Match (an If-Match then is a 412: there is nothing to
     * match), afterwards only with the current ETag (428 without).
     */
    @Transactional
    public Stored put(UUID programId, String ifMatch, MdfRequests.AllocationRuleSet body) {
        AllocationRules rules = toRules(body);
        MdfAllocationRuleSet set = em.find(MdfAllocationRuleSet.class, programId, LockModeType.PESSIMISTIC_WRITE);
        boolean created = set == null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw Problems.preconditionFailed("program " + programId + " has no allocation rules yet to match "
                        + ifMatch.strip());
            }
            set = new MdfAllocationRuleSet();
            set.programId = programId;
            set.set(rules, json, caller.origin(), MdfService.now());
            em.persist(set);
        } else {
            ETags.requireIfMatch(ifMatch, set.version);
            set.set(rules, json, caller.origin(), MdfService.now());
        }
        em.flush(); // numbers the version
        em.persist(MdfAllocationRuleVersion.of(set));
        em.flush();
        return new Stored(set, rules, created);
    }

    /**
     * The rules that govern a budget's requests and claims as they stand now: its program's current version, if it
     * has a program with rules.
     */
    public Optional<Applied> rulesOf(MdfBudget budget) {
        if (budget.programId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(MdfAllocationRuleSet.class, budget.programId))
                .map(s -> new Applied(s.rules(json), s.version, s.programId));
    }

    /**
     * Opens the period's budgets of a program's ACTIVE partners from its rules, under the rule set's row lock (two
     * runs for one program queue; the second finds the first's budgets). A partner that already has a budget for
     * the period, or whose tier the rules give nothing, is skipped with the reason.
     */
    @Transactional
    public MdfResponses.AllocationRun allocate(UUID programId, MdfRequests.Allocate body) {
        BudgetPeriod period = MdfService.field("period", () -> BudgetPeriod.parse(body.period()));
        BudgetPeriod prior = MdfService.field("period", period::previous);
        MdfAllocationRuleSet set = em.find(MdfAllocationRuleSet.class, programId, LockModeType.PESSIMISTIC_WRITE);
        if (set == null) {
            throw notFound(programId);
        }
        AllocationRules rules = set.rules(json);
        Map<UUID, String> tiers = new java.util.LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT id, tier FROM partners WHERE program_id = ?1 AND status = 'ACTIVE' "
                + "ORDER BY id").setParameter(1, programId).getResultList()) {
            Object[] cells = (Object[]) row;
            tiers.put((UUID) cells[0], (String) cells[1]);
        }
        List<MdfResponses.AllocatedBudget> allocated = new ArrayList<>();
        List<MdfResponses.SkippedPartner> skipped = new ArrayList<>();
        if (tiers.isEmpty()) {
            return new MdfResponses.AllocationRun(programId, period.name(), prior.name(), set.version, allocated, skipped);
        }
        Set<UUID> funded = new HashSet<>(em.createQuery("select b.partnerId from MdfBudget b where b.period = :p "
                + "and b.partnerId in :ids", UUID.class).setParameter("p", period.name())
                .setParameter("ids", tiers.keySet()).getResultList());
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT partner_id, sum(amount) FROM deal_registrations WHERE state = 'WON' "
                + "AND currency = ?1 AND closed_on BETWEEN ?2 AND ?3 AND partner_id = ANY (CAST(?4 AS uuid[])) GROUP BY partner_id")
                .setParameter(1, rules.currency()).setParameter(2, prior.starts()).setParameter(3, prior.ends())
                .setParameter(4, tiers.keySet().stream().map(UUID::toString).toArray(String[]::new)).getResultList()) {
            Object[] cells = (Object[]) row;
            revenue.put((UUID) cells[0], (BigDecimal) cells[1]);
        }
        Instant now = MdfService.now();
        for (Map.Entry<UUID, String> partner : tiers.entrySet()) {
            UUID partnerId = partner.getKey();
            String tier = partner.getValue();
            if (funded.contains(partnerId)) {
                skipped.add(new MdfResponses.SkippedPartner(partnerId, tier, "already has a budget for " + period.name()));
                continue;
            }
            Money won = Money.of(revenue.getOrDefault(partnerId, BigDecimal.ZERO).stripTrailingZeros(), rules.currency());
            Optional<AllocationRules.Allocation> allocation = rules.allocationFor(tier, won);
            if (allocation.isEmpty()) {
                skipped.add(new MdfResponses.SkippedPartner(partnerId, tier, "the rules allocate nothing to tier " + tier));
                continue;
            }
            MdfBudget budget = MdfBudget.open(UUID.randomUUID(), partnerId, programId, period, rules.currency(),
                    caller.origin(), now);
            em.persist(budget);
            String basis = allocation.get().basis();
            ledger.append(budget, LedgerKind.ALLOCATED, allocation.get().amount(), null, null,
                    "allocation rules version " + set.version + " of program " + programId + ", " + basis, caller.origin(), now);
            allocated.add(new MdfResponses.AllocatedBudget(partnerId, tier, budget.id, allocation.get().amount(), basis));
        }
        em.flush();
        return new MdfResponses.AllocationRun(programId, period.name(), prior.name(), set.version, allocated, skipped);
    }

    /** The request body as domain rules; every amount in the rules' currency, every mistake a 400 naming its field. */
    static AllocationRules toRules(MdfRequests.AllocationRuleSet body) {
        String currency = body.currency();
        List<AllocationRules.TierAllocation> tiers = new ArrayList<>();
        for (int i = 0; i < body.tiers().size(); i++) {
            MdfRequests.TierAllocation t = body.tiers().get(i);
            Money fixed = inCurrency("tiers[" + i + "].fixed", t.fixed(), currency);
            Money cap = t.revenueCap() == null ? null : inCurrency("tiers[" + i + "].revenueCap", t.revenueCap(), currency);
            tiers.add(new AllocationRules.TierAllocation(t.tier(), fixed.amount(), t.revenuePercent(),
                    cap == null ? null : cap.amount()));
        }
        try {
            return new AllocationRules(currency, tiers, body.reimbursementPercent(), body.minLeadDays(),
                    body.eligibleActivityTypes(), body.maxRequestPercent());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("the allocation rules are not valid: " + e.getMessage());
        }
    }

    private static Money inCurrency(String field, Money amount, String currency) {
        Money m = MdfService.money(field, amount);
        if (!m.currency().equals(currency)) {
            throw Problems.invalidField(field, "must be in the rules' currency " + currency + ", not " + m.currency());
        }
        return m;
    }

    private static RuntimeException notFound(UUID programId) {
        return Problems.notFound("MDF allocation rules of program " + programId);
    }
}
