package io.consort.community.membership;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The suite's known tier names and their ranks, for a tier.changed without {@code tierRank} (older
 * producers) and for "minimum tier" rules given by name. Rules always compare ranks.
 */
public final class Tiers {

    public static final String ENTRY = "REGISTERED";
    public static final int ENTRY_RANK = 0;

    private static final Map<String, Integer> KNOWN = Map.of("REGISTERED", 0, "SILVER", 1, "GOLD", 2, "PLATINUM", 3);

    private Tiers() {
    }

    public static Optional<Integer> rankOf(String tier) {
        return tier == null ? Optional.empty() : Optional.ofNullable(KNOWN.get(tier.toUpperCase(Locale.ROOT)));
    }
}
