package io.consort.recruitment.recommendation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All prospects in a compact, immutable form for scoring: every code (region, industry, ...) is
 * replaced by a small int from one dictionary, so scoring 100,000 prospects is array lookups rather
 * than string hashing, and 100,000 prospects take a few megabytes.
 */
public final class ProspectIndex {

    static final int NONE = -1;

    private final Map<String, Integer> dictionary;
    private final String[] codes;
    final UUID[] ids;
    final String[] names;
    final int[] regions;
    final int[][] industries;
    final int[][] specialisations;
    final int[] employees; // NONE when unknown
    final int[] revenueBands;
    final int[][] certifications;
    private final long generation;

    private ProspectIndex(List<ProspectFacts> facts, long generation) {
        int n = facts.size();
        this.generation = generation;
        this.dictionary = new HashMap<>();
        this.ids = new UUID[n];
        this.names = new String[n];
        this.regions = new int[n];
        this.industries = new int[n][];
        this.specialisations = new int[n][];
        this.employees = new int[n];
        this.revenueBands = new int[n];
        this.certifications = new int[n][];
        for (int i = 0; i < n; i++) {
            ProspectFacts f = facts.get(i);
            ids[i] = f.id();
            names[i] = f.companyName();
            regions[i] = code(f.region());
            industries[i] = codes(f.industries());
            specialisations[i] = codes(f.specialisations());
            employees[i] = f.employeeCount() == null ? NONE : f.employeeCount();
            revenueBands[i] = code(f.revenueBand());
            certifications[i] = codes(f.certifications());
        }
        this.codes = new String[dictionary.size()];
        dictionary.forEach((code, id) -> codes[id] = code);
    }

    public static ProspectIndex of(List<ProspectFacts> facts, long generation) {
        return new ProspectIndex(facts, generation);
    }

    public static ProspectIndex of(List<ProspectFacts> facts) {
        return new ProspectIndex(facts, 0);
    }

    public int size() {
        return ids.length;
    }

    /** The change generation of the prospects table this index was loaded at. */
    public long generation() {
        return generation;
    }

    /** The id of a code, or NONE when no prospect has it. */
    int lookup(String code) {
        Integer id = dictionary.get(code);
        return id == null ? NONE : id;
    }

    int dictionarySize() {
        return codes.length;
    }

    String codeOf(int id) {
        return codes[id];
    }

    private int code(String value) {
        if (value == null) {
            return NONE;
        }
        return dictionary.computeIfAbsent(value, v -> dictionary.size());
    }

    private int[] codes(List<String> values) {
        if (values == null || values.isEmpty()) {
            return EMPTY;
        }
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = code(values.get(i));
        }
        return out;
    }

    private static final int[] EMPTY = new int[0];
}
