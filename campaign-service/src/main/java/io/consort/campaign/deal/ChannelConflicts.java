package io.consort.campaign.deal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The channel-conflict rules: a registration conflicts with another partner's registration of the same
 * (normalised) customer domain and an overlapping product while that one is protected ({@link
 * ConflictRule#APPROVED_PROTECTION}) or, still pending review, inside its claim window ({@link
 * ConflictRule#PENDING_REGISTRATION}). The database finds the candidates by domain and product;
 * this decides which of them conflict, and why.
 */
public final class ChannelConflicts {

    private ChannelConflicts() {
    }

    /** What the rules look at of an existing registration. */
    public record Existing(UUID dealId, UUID partnerId, String customerDomain, List<String> products, DealState state,
            Instant protectedUntil, Instant claimEndsAt) {
    }

    /** One conflict: the rule, the products both name, and when the other registration's protection or claim ends. */
    public record Conflict(ConflictRule rule, List<String> products, Instant endsAt, Existing other) {
    }

    /** The conflicts of a registration by {@code partnerId} of {@code domain} and {@code products} at {@code now}, soonest-ending last. */
    public static List<Conflict> of(UUID partnerId, String domain, List<String> products, List<Existing> candidates,
            Instant now) {
        List<Conflict> conflicts = new ArrayList<>();
        for (Existing other : candidates) {
            if (other.partnerId().equals(partnerId) || !other.customerDomain().equals(domain)) {
                continue;
            }
            List<String> common = Products.overlap(products, other.products());
            if (common.isEmpty()) {
                continue;
            }
            if (other.state() == DealState.APPROVED && ProtectionPolicy.holds(other.protectedUntil(), now)) {
                conflicts.add(new Conflict(ConflictRule.APPROVED_PROTECTION, common, other.protectedUntil(), other));
            } else if (other.state().isPending() && ProtectionPolicy.holds(other.claimEndsAt(), now)) {
                conflicts.add(new Conflict(ConflictRule.PENDING_REGISTRATION, common, other.claimEndsAt(), other));
            }
        }
        conflicts.sort(Comparator.comparing((Conflict c) -> c.rule().ordinal()).thenComparing(Conflict::endsAt,
                Comparator.reverseOrder()));
        return conflicts;
    }
}
