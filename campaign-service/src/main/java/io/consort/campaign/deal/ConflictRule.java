package io.consort.campaign.deal;

/** Why another partner's registration conflicts with a new one for the same customer and an overlapping product. */
public enum ConflictRule {
    /** The other registration is approved and its protection has not ended. */
    APPROVED_PROTECTION("another partner's approved registration protects this customer and product"),
    /** The other registration is pending review, inside its claim window (the protection window from its submission). */
    PENDING_REGISTRATION("another partner's registration of this customer and product is pending review");

    private final String explanation;

    ConflictRule(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }
}
