package io.consort.recruitment.onboarding;

/**
 * What an onboarding task asks of the partner, and who may mark it done by hand.
 *
 * <p>Accepting the partner agreement binds the partner organisation, so of the partner's own people only a
 * {@code partner-admin} may do it; the profile and custom tasks any of its people may tick off. Vendor-side
 * callers may complete those three on the partner's behalf (an agreement signed on paper, a profile
 * filled in during a call). A training task is never ticked by hand: it is done when one of the partner's
 * people passes the module, which is the fact it stands for.
 */
public enum TaskKind {
    ACCEPT_AGREEMENT,
    COMPLETE_PROFILE,
    COMPLETE_TRAINING,
    CUSTOM;

    /** Whether a person may mark it done, rather than it following from another fact. */
    public boolean completableByHand() {
        return this != COMPLETE_TRAINING;
    }

    /** Whether, on the partner's side, only its administrator may complete it. */
    public boolean needsPartnerAdmin() {
        return this == ACCEPT_AGREEMENT;
    }

    /**
     * Whether a caller may mark a task of this kind done by hand, given its side; training tasks are
     * refused for everyone elsewhere ({@link #completableByHand()}), as a conflict rather than a matter of rights.
     */
    public boolean mayBeCompletedBy(boolean vendorSide, boolean partnerAdmin) {
        return vendorSide || partnerAdmin || !needsPartnerAdmin();
    }

    public boolean namesTrainingModule() {
        return this == COMPLETE_TRAINING;
    }
}
