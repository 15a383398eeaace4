package io.consort.campaign.mdf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Appends to the ledger and sums it: every figure of a budget or a request comes from here. */
@ApplicationScoped
public class MdfLedger {

    @Inject
    EntityManager em;

    public MdfLedgerEntry append(MdfBudget budget, LedgerKind kind, Money amount, UUID requestId, UUID claimId, String note,
            String actor, java.time.Instant now) {
        MdfLedgerEntry entry = MdfLedgerEntry.of(budget, kind, amount, requestId, claimId, note, actor, now);
        em.persist(entry);
        budget.updatedAt = now; // raises the budget's version: its ETag follows its figures
        return entry;
    }

    public Balances balances(MdfBudget budget) {
        return balances(List.of(budget)).get(budget.id);
    }

    /** The balances of several budgets in one query. */
    public Map<UUID, Balances> balances(Collection<MdfBudget> budgets) {
        Map<UUID, Map<LedgerKind, BigDecimal>> totals = new HashMap<>();
        if (!budgets.isEmpty()) {
            List<Object[]> rows = em.createQuery("select e.budgetId, e.kind, sum(e.amount) from MdfLedgerEntry e "
                    + "where e.budgetId in :ids group by e.budgetId, e.kind", Object[].class)
                    .setParameter("ids", budgets.stream().map(b -> b.id).toList()).getResultList();
            for (Object[] row : rows) {
                totals.computeIfAbsent((UUID) row[0], k -> new EnumMap<>(LedgerKind.class))
                        .put((LedgerKind) row[1], (BigDecimal) row[2]);
            }
        }
        Map<UUID, Balances> result = new HashMap<>();
        for (MdfBudget b : budgets) {
            result.put(b.id, Balances.fromTotals(b.currency, totals.getOrDefault(b.id, Map.of())));
        }
        return result;
    }

    /** Σ CLAIMED per request: what of each approved amount is spent. */
    public Map<UUID, BigDecimal> claimedPerRequest(Collection<UUID> requestIds) {
        Map<UUID, BigDecimal> claimed = new HashMap<>();
        if (!requestIds.isEmpty()) {
            em.createQuery("select e.requestId, sum(e.amount) from MdfLedgerEntry e where e.kind = :kind and "
                    + "e.requestId in :ids group by e.requestId", Object[].class)
                    .setParameter("kind", LedgerKind.CLAIMED).setParameter("ids", requestIds).getResultList()
                    .forEach(row -> claimed.put((UUID) row[0], (BigDecimal) row[1]));
        }
        return claimed;
    }

    public Money claimedOf(MdfRequest request) {
        BigDecimal sum = claimedPerRequest(List.of(request.id)).get(request.id);
        return sum == null ? Money.zero(request.currency) : Money.of(sum, request.currency);
    }

    /** Σ RELEASED of a request: what of its commitment went back to the budget. */
    public Money releasedOf(MdfRequest request) {
        BigDecimal sum = em.createQuery("select coalesce(sum(e.amount), 0) from MdfLedgerEntry e where e.kind = :kind "
                + "and e.requestId = :id", BigDecimal.class).setParameter("kind", LedgerKind.RELEASED)
                .setParameter("id", request.id).getSingleResult();
        return Money.of(sum.stripTrailingZeros(), request.currency);
    }

    /** The budget's entries in the order they were written. */
    public List<MdfLedgerEntry> entries(UUID budgetId) {
        return em.createQuery("from MdfLedgerEntry e where e.budgetId = :id order by e.seq", MdfLedgerEntry.class)
                .setParameter("id", budgetId).getResultList();
    }
}
