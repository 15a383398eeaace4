package io.consort.recruitment.recommendation;

import io.consort.recruitment.program.IdealProfile;
import io.consort.recruitment.program.IdealProfile.SizeCriterion;
import io.consort.recruitment.program.IdealProfile.ValueCriterion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scores prospects against a program's ideal profile. Each criterion contributes its weight times the
 * fraction matched: region and revenue band 1 or 0 (the prospect's value is one of the wanted ones),
 * industries and specialisations the share of the wanted values the prospect has, company size 1 or 0
 * (head count inside the range), certifications the share of the required ones held. Weights add up to
 * 100, so the score is 0–100. Points are shown with one decimal; ranking is by the shown score, then by
 * prospect id, so the same data and profile always give the same order.
 */
public final class FitScorer {

    public record CriterionPoints(String criterion, double points, int maxPoints, String reason) {
    }

    public record Recommendation(UUID prospectId, String companyName, double score, List<CriterionPoints> explanation) {
    }

    private final IdealProfile profile;
    private final ProspectIndex index;
    private final boolean[] regions;
    private final boolean[] industries;
    private final boolean[] specialisations;
    private final boolean[] revenueBands;
    private final boolean[] certifications;
    private final int industriesOf;
    private final int specialisationsOf;
    private final int certificationsOf;

    private FitScorer(IdealProfile profile, ProspectIndex index) {
        this.profile = profile;
        this.index = index;
        this.regions = wanted(profile.regions());
        this.industries = wanted(profile.industries());
        this.specialisations = wanted(profile.specialisations());
        this.revenueBands = wanted(profile.revenueBands());
        this.certifications = wanted(profile.certifications());
        this.industriesOf = distinct(profile.industries());
        this.specialisationsOf = distinct(profile.specialisations());
        this.certificationsOf = distinct(profile.certifications());
    }

    /** {@code profile}'s criteria must hold distinct values (the program API stores them so). */
    public static FitScorer of(IdealProfile profile, ProspectIndex index) {
        return new FitScorer(profile, index);
    }

    /** The best {@code limit} prospects, best first, each with the points of every criterion and why. */
    public List<Recommendation> top(int limit) {
        // Scores are compared at the precision they are shown with (tenths), as longs.
        long[] shown = new long[index.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = tenths(score(i));
        }
        Comparator<Integer> worstFirst = Comparator.<Integer>comparingLong(i -> shown[i])
                .thenComparing((a, b) -> compareIds(index.ids[b], index.ids[a]));
        PriorityQueue<Integer> best = new PriorityQueue<>(limit + 1, worstFirst);
        for (int i = 0; i < shown.length; i++) {
            if (best.size() < limit) {
                best.add(i);
            } else if (worstFirst.compare(i, best.peek()) > 0) {
                best.poll();
                best.add(i);
            }
        }
        List<Integer> ranked = new ArrayList<>(best);
        ranked.sort(worstFirst.reversed());
        List<Recommendation> out = new ArrayList<>(ranked.size());
        for (int i : ranked) {
            out.add(new Recommendation(index.ids[i], index.names[i], shown[i] / 10.0, explain(i)));
        }
        return out;
    }

    /** The exact score of prospect {@code i}. */
    double score(int i) {
        double score = 0;
        if (profile.regions() != null && has(regions, index.regions[i])) {
            score += profile.regions().weight();
        }
        if (profile.industries() != null) {
            score += profile.industries().weight() * share(industries, index.industries[i], industriesOf);
        }
        if (profile.specialisations() != null) {
            score += profile.specialisations().weight()
                    * share(specialisations, index.specialisations[i], specialisationsOf);
        }
        if (profile.companySize() != null && inRange(profile.companySize(), index.employees[i])) {
            score += profile.companySize().weight();
        }
        if (profile.revenueBands() != null && has(revenueBands, index.revenueBands[i])) {
            score += profile.revenueBands().weight();
        }
        if (profile.certifications() != null) {
            score += profile.certifications().weight()
                    * share(certifications, index.certifications[i], certificationsOf);
        }
        return score;
    }

    List<CriterionPoints> explain(int i) {
        List<CriterionPoints> out = new ArrayList<>(6);
        if (profile.regions() != null) {
            out.add(single("regions", "region", profile.regions(), index.regions[i], regions));
        }
        if (profile.industries() != null) {
            out.add(overlap("industries", "industries", "wanted", profile.industries(), index.industries[i], industries));
        }
        if (profile.specialisations() != null) {
            out.add(overlap("specialisations", "specialisations", "wanted", profile.specialisations(),
                    index.specialisations[i], specialisations));
        }
        if (profile.companySize() != null) {
            SizeCriterion size = profile.companySize();
            int employees = index.employees[i];
            String range = range(size);
            boolean in = inRange(size, employees);
            double points = in ? size.weight() : 0;
            String reason = employees == ProspectIndex.NONE ? "employee count unknown, wanted " + range
                    : "employee count " + employees + (in ? " within " : " outside ") + range;
            out.add(new CriterionPoints("companySize", round(points), size.weight(), sign(points) + reason));
        }
        if (profile.revenueBands() != null) {
            out.add(single("revenueBands", "revenue band", profile.revenueBands(), index.revenueBands[i], revenueBands));
        }
        if (profile.certifications() != null) {
            out.add(overlap("certifications", "certifications", "required", profile.certifications(),
                    index.certifications[i], certifications));
        }
        return out;
    }

    private CriterionPoints single(String criterion, String label, ValueCriterion c, int value, boolean[] wanted) {
        boolean match = has(wanted, value);
        double points = match ? c.weight() : 0;
        String reason;
        if (value == ProspectIndex.NONE) {
            reason = label + " unknown, wanted " + String.join(", ", c.values());
        } else if (match) {
            reason = label + " " + index.codeOf(value) + " matches";
        } else {
            reason = label + " " + index.codeOf(value) + " is not one of " + String.join(", ", c.values());
        }
        return new CriterionPoints(criterion, round(points), c.weight(), sign(points) + reason);
    }

    private CriterionPoints overlap(String criterion, String label, String verb, ValueCriterion c, int[] values,
            boolean[] wanted) {
        List<String> matched = new ArrayList<>();
        for (int v : values) {
            if (has(wanted, v)) {
                matched.add(index.codeOf(v));
            }
        }
        int of = distinct(c);
        double points = c.weight() * (double) Math.min(matched.size(), of) / of;
        String reason = matched.isEmpty()
                ? label + ": none of " + String.join(", ", c.values())
                : label + ": " + matched.size() + " of " + of + " " + verb + " (" + matched.stream().sorted()
                        .collect(Collectors.joining(", ")) + ")";
        return new CriterionPoints(criterion, round(points), c.weight(), sign(points) + reason);
    }

    private static String range(SizeCriterion size) {
        if (size.minEmployees() == null) {
            return "at most " + size.maxEmployees();
        }
        if (size.maxEmployees() == null) {
            return "at least " + size.minEmployees();
        }
        return size.minEmployees() + "–" + size.maxEmployees();
    }

    private static boolean inRange(SizeCriterion size, int employees) {
        return employees != ProspectIndex.NONE
                && (size.minEmployees() == null || employees >= size.minEmployees())
                && (size.maxEmployees() == null || employees <= size.maxEmployees());
    }

    private boolean[] wanted(ValueCriterion c) {
        boolean[] wanted = new boolean[index.dictionarySize()];
        if (c != null) {
            for (String value : c.values()) {
                int id = index.lookup(value);
                if (id != ProspectIndex.NONE) {
                    wanted[id] = true;
                }
            }
        }
        return wanted;
    }

    /** The order of the ids' text (what a client sees), without building the strings. */
    static int compareIds(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** How many different values the criterion names (a profile may repeat one). */
    private static int distinct(ValueCriterion c) {
        if (c == null) {
            return 1;
        }
        List<String> values = c.values();
        int n = values.size();
        for (int i = 1; i < values.size(); i++) {
            if (values.subList(0, i).contains(values.get(i))) {
                n--;
            }
        }
        return n;
    }

    private static boolean has(boolean[] wanted, int value) {
        return value != ProspectIndex.NONE && wanted[value];
    }

    /** The share of the criterion's distinct values the prospect has (prospect values are distinct). */
    private static double share(boolean[] wanted, int[] values, int of) {
        int matched = 0;
        for (int v : values) {
            if (wanted[v]) {
                matched++;
            }
        }
        return (double) Math.min(matched, of) / of;
    }

    private static long tenths(double score) {
        return Math.round(score * 10);
    }

    private static double round(double points) {
        return tenths(points) / 10.0;
    }

    private static String sign(double points) {
        double shown = round(points);
        return "+" + (shown == Math.rint(shown) ? String.valueOf((long) shown) : String.valueOf(shown)) + " ";
    }
}
