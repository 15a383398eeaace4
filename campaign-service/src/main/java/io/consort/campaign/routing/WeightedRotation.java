package io.consort.campaign.routing;

import java.util.List;
import java.util.UUID;

/**
 * Deterministic weighted rotation (stride scheduling). Each partner has a <em>pass</em>; the eligible
 * partner with the lowest pass gets the lead (ties: the lowest partner id) and its pass advances by
 * {@code SCALE / weight}, so over many leads each partner's share is its weight over the sum of the
 * eligible weights, and every eligible partner with a weight above zero gets its turn (no starvation).
 *
 * <p>The rule keeps a clock: the pass of the last partner picked. A partner that was not eligible for
 * a while (capacity full, new, declined) competes from {@code max(pass, clock)}, so it rejoins the
 * rotation at once but cannot claim a burst of leads for the turns it missed. Only the picked partner's
 * pass and the clock change per decision, which is what makes it cheap to keep in the database.
 */
public final class WeightedRotation {

    /** 2^40: strides stay exact enough for weights up to 1,000 and passes fit a long for billions of leads. */
    public static final long SCALE = 1L << 40;

    private WeightedRotation() {
    }

    /** A partner that may get the lead, its weight (≥ 1) and its pass ({@code null}: never picked under this rule). */
    public record Candidate(UUID partnerId, int weight, Long pass) {
        public Candidate {
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1, was " + weight);
            }
        }
    }

    /** The partner picked, its pass afterwards, and the rule's clock afterwards. */
    public record Pick(Candidate candidate, long newPass, long newClock) {
    }

    private static long effectivePass(Candidate candidate, long clock) {
        return candidate.pass() == null ? clock : Math.max(candidate.pass(), clock);
    }

    /** Picks among {@code candidates} (not empty) given the rule's {@code clock}; one pass, no allocation but the answer. */
    public static Pick pick(List<Candidate> candidates, long clock) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        Candidate best = null;
        long bestPass = Long.MAX_VALUE;
        for (Candidate candidate : candidates) {
            long pass = effectivePass(candidate, clock);
            if (best == null || pass < bestPass || pass == bestPass && candidate.partnerId().compareTo(best.partnerId()) < 0) {
                best = candidate;
                bestPass = pass;
            }
        }
        return new Pick(best, bestPass + SCALE / best.weight(), bestPass);
    }
}
