package io.consort.performance.domain;

import java.time.LocalDate;

/**
 * How a partner's tier follows its eligibility, day by day: an upgrade at once; a downgrade only
 * once the partner has been eligible for less for the whole grace period, any day of full recovery
 * cancelling it; then down to what it is eligible for on that day.
 */
public final class TierAssignment {

    private final int graceDays;
    private TierLadder.Rung tier;
    private LocalDate belowSince;

    public TierAssignment(TierLadder.Rung entry, int graceDays) {
        this.tier = entry;
        this.graceDays = graceDays;
    }

    /** Takes the day's eligibility and returns the tier held at the end of the day. */
    public TierLadder.Rung next(LocalDate day, TierLadder.Rung eligible) {
        if (eligible.rank() >= tier.rank()) {
            belowSince = null;
            tier = eligible;
        } else {
            if (belowSince == null) {
                belowSince = day;
            }
            if (!day.isBefore(belowSince.plusDays(graceDays))) {
                tier = eligible;
                belowSince = null;
            }
        }
        return tier;
    }

    public TierLadder.Rung tier() {
        return tier;
    }

    /** The day a pending downgrade takes effect unless the partner recovers, or null. */
    public LocalDate downgradeDueOn() {
        return belowSince == null ? null : belowSince.plusDays(graceDays);
    }
}
