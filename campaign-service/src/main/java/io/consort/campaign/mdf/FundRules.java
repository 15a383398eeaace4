package io.consort.campaign.mdf;

/**
 * The invariants of market development funds, checked by the service while it holds the budget's (or the
 * request's) row lock, so that no concurrent approval can slip between the check and the ledger entry.
 */
public final class FundRules {

    private FundRules() {
    }

    /** Σ approved requests ≤ budget: committing {@code amount} must leave {@code available} non-negative. */
    public static void requireAvailable(Balances budget, Money amount) {
        if (amount.exceeds(budget.available())) {
            throw new InsufficientFundsException("approving " + amount + " would over-commit the budget: "
                    + budget.available() + " remains available", budget.available());
        }
    }

    /** Σ approved claims ≤ the request's approved amount. */
    public static void requireClaimable(Money approvedForRequest, Money alreadyClaimed, Money amount) {
        Money left = approvedForRequest.minus(alreadyClaimed);
        if (amount.exceeds(left)) {
            throw new InsufficientFundsException("approving a claim of " + amount + " would exceed the fund request: "
                    + left + " of its " + approvedForRequest + " remains to be claimed", left);
        }
    }

    /** An approval is at most what was asked for, and positive. */
    public static void requireApprovable(Money requested, Money approved) {
        requested.requireSameCurrency(approved);
        if (!approved.isPositive()) {
            throw new IllegalArgumentException("the approved amount must be positive");
        }
        if (approved.exceeds(requested)) {
            throw new IllegalArgumentException("the approved amount " + approved + " exceeds the " + requested + " asked for");
        }
    }

    /** Lowering an allocation may not take back what is already committed. */
    public static void requireAllocationChange(Balances budget, Money change) {
        if (change.isNegative() && change.negate().exceeds(budget.available())) {
            throw new InsufficientFundsException("lowering the allocation by " + change.negate() + " would take back "
                    + "committed funds: " + budget.available() + " remains available", budget.available());
        }
    }

    /**
     * What an expiring request gives back at once: its approved amount less what is claimed and what its
     * still-pending claims ask for (those stay decidable after the expiry), never less than nothing.
     */
    public static Money releasableAtExpiry(Money approved, Money claimed, Money pending) {
        Money rest = approved.minus(claimed).minus(pending);
        return rest.isNegative() ? Money.zero(approved.currency()) : rest;
    }
}
