package io.consort.campaign.mdf;

/**
 * The movements of a budget's ledger. {@code ALLOCATED} is signed (the vendor may lower an allocation down to
 * what is committed); the others are positive amounts.
 */
public enum LedgerKind {
    /** The vendor allocated (or, negative, withdrew) funds to the budget. */
    ALLOCATED,
    /** A fund request was approved: its amount is reserved on the budget. */
    COMMITTED,
    /** An approved request expired: what was committed and not claimed returns to the budget. */
    RELEASED,
    /** A claim against a request was approved: that much of the request's commitment is spent. */
    CLAIMED,
    /** An approved claim was paid out. */
    PAID
}
