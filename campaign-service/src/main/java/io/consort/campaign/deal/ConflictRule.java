package io.consort.campaign.deal;

/** Why another partner's registration conflicts with a new one for the same customer and an overlapping product. */
public enum ConflictRule {
    /** The other registration is approved and its protection has not ended. */
    APPROVED_PROTECTION("another partner's approved registration protects this customer and product"),
    /** The other registration was submitted first and is still pending review, inside its protection window. */
    EARLIER_PENDING_REGISTRATION("another partner registered this customer and product first; it is pending review");

    private final String explanation;

    ConflictRule(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
