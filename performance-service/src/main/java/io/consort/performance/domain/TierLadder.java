package io.consort.performance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tiers a partner can hold, by rank (0 = the entry tier, which needs nothing), each with a
 * score threshold and hard requirements; and the grace period a downgrade waits for. A partner is
 * eligible for the highest tier whose every condition it meets.
 */
public record TierLadder(List<Rung> tiers, int graceDays) {

    /** One tier: its name, rank and what it takes; a null requirement is no requirement. */
    public record Rung(String name, int rank, int minScore, Integer minCertifiedPeople, BigDecimal minTrailingRevenue) {
    }

    /** Where a partner stands against the ladder: the tier it qualifies for, why, and what the next one needs. */
    public record Eligibility(Rung tier, String because, String next) {
    }

    public static final TierLadder DEFAULT = new TierLadder(List.of(
            new Rung("REGISTERED", 0, 0, null, null),
            new Rung("SILVER", 1, 40, 1, null),
            new Rung("GOLD", 2, 65, 2, new BigDecimal("100000")),
            new Rung("PLATINUM", 3, 85, 4, new BigDecimal("1000000"))), 30);

    public TierLadder {
        tiers = tiers.stream().sorted(Comparator.comparingInt(Rung::rank)).toList();
    }

    public Rung entry() {
        return tiers.get(0);
    }

    public Rung byName(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (tiers.isEmpty()) {
            problems.add("tiers: at least the entry tier");
            return problems;
        }
        if (graceDays < 0 || graceDays > 365) {
            problems.add("graceDays: between 0 and 365");
        }
        Set<String> names = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Rung t = tiers.get(i);
            if (t.name() == null || !t.name().matches("[A-Z][A-Z0-9_]{0,39}")) {
                problems.add("tiers[" + i + "].name: upper-case letters, digits and _ (at most 40)");
            } else if (!names.add(t.name())) {
                problems.add("tiers[" + i + "].name: " + t.name() + " appears twice");
            }
            if (!ranks.add(t.rank())) {
                problems.add("tiers[" + i + "].rank: " + t.rank() + " appears twice");
            }
            if (t.minScore() < 0 || t.minScore() > 100) {
                problems.add("tiers[" + i + "].minScore: between 0 and 100");
            }
            if (t.minCertifiedPeople() != null && t.minCertifiedPeople() < 0) {
                problems.add("tiers[" + i + "].minCertifiedPeople: not negative");
            }
            if (t.minTrailingRevenue() != null && t.minTrailingRevenue().signum() < 0) {
                problems.add("tiers[" + i + "].minTrailingRevenue: not negative");
            }
        }
        Rung entry = tiers.get(0);
        if (entry.rank() != 0 || entry.minScore() != 0 || entry.minCertifiedPeople() != null
                || entry.minTrailingRevenue() != null) {
            problems.add("tiers: the entry tier has rank 0 and no requirement");
        }
        return problems;
    }

    /**
     * The highest tier the partner qualifies for with this score, number of certified people and
     * trailing-12-month revenue (base currency), with the reasons and what the next tier lacks.
     */
    public Eligibility eligibility(int score, int certifiedPeople, BigDecimal trailingRevenue, String currency) {
        Rung best = entry();
        for (Rung t : tiers) {
            if (missing(t, score, certifiedPeople, trailingRevenue, currency).isEmpty()) {
                best = t;
            }
        }
        String because = best.name() + " because " + String.join(" and ", met(best, score, certifiedPeople, trailingRevenue, currency));
        String next = null;
        for (Rung t : tiers) {
            if (t.rank() > best.rank()) {
                next = t.name() + " needs " + String.join(", ", missing(t, score, certifiedPeople, trailingRevenue, currency));
                break;
            }
        }
        return new Eligibility(best, because, next);
    }

    private static List<String> met(Rung t, int score, int people, BigDecimal revenue, String currency) {
        List<String> met = new ArrayList<>();
        met.add("score " + score + " ≥ " + t.minScore());
        if (t.minCertifiedPeople() != null) {
            met.add(people + " certified people ≥ " + t.minCertifiedPeople());
        }
        if (t.minTrailingRevenue() != null) {
            met.add("trailing-12-month revenue " + plain(revenue) + " " + currency + " ≥ " + plain(t.minTrailingRevenue())
                    + " " + currency);
        }
        return met;
    }

    private static List<String> missing(Rung t, int score, int people, BigDecimal revenue, String currency) {
        List<String> missing = new ArrayList<>();
        if (score < t.minScore()) {
            missing.add("score ≥ " + t.minScore() + ", has " + score);
        }
        if (t.minCertifiedPeople() != null && people < t.minCertifiedPeople()) {
            missing.add(t.minCertifiedPeople() + " certified people, has " + people);
        }
        if (t.minTrailingRevenue() != null && revenue.compareTo(t.minTrailingRevenue()) < 0) {
            missing.add("revenue ≥ " + plain(t.minTrailingRevenue()) + " " + currency + ", has " + plain(revenue) + " " + currency);
        }
        return missing;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
