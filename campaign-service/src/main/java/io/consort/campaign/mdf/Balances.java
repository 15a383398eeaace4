package io.consort.campaign.mdf;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A budget's figures, derived from its ledger and nothing else: {@code allocated} = Σ ALLOCATED,
 * {@code committed} = Σ COMMITTED − Σ RELEASED (reserved by approved requests, claimed or not), {@code claimed}
 * = Σ CLAIMED, {@code paid} = Σ PAID, {@code available} = allocated − committed.
 */
public record Balances(Money allocated, Money committed, Money claimed, Money paid, Money available) {

    public static Balances zero(String currency) {
        Money zero = Money.zero(currency);
        return new Balances(zero, zero, zero, zero, zero);
    }

    /** From the ledger's totals per kind (kinds without entries may be absent). */
    public static Balances fromTotals(String currency, Map<LedgerKind, BigDecimal> totals) {
        Balances b = zero(currency);
        for (Map.Entry<LedgerKind, BigDecimal> total : totals.entrySet()) {
            b = b.apply(total.getKey(), Money.of(total.getValue(), currency));
        }
        return b;
    }

    /** These balances after one more entry of the ledger; a currency other than the budget's is refused. */
    public Balances apply(LedgerKind kind, Money amount) {
        allocated.requireSameCurrency(amount);
        return switch (kind) {
            case ALLOCATED -> new Balances(allocated.plus(amount), committed, claimed, paid, available.plus(amount));
            case COMMITTED -> new Balances(allocated, committed.plus(amount), claimed, paid, available.minus(amount));
            case RELEASED -> new Balances(allocated, committed.minus(amount), claimed, paid, available.plus(amount));
            case CLAIMED -> new Balances(allocated, committed, claimed.plus(amount), paid, available);
            case PAID -> new Balances(allocated, committed, claimed, paid.plus(amount), available);
        };
    }

    /** Whether the ledger keeps its promises: nothing over-committed, claimed beyond commitments or paid beyond claims. */
    public boolean isConsistent() {
        return !available.isNegative() && !claimed.exceeds(committed) && !paid.exceeds(claimed);
    }
}
