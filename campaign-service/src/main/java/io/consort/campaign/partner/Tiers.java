package io.consort.campaign.partner;

import java.util.Locale;
import java.util.Map;

/**
 * Tier names and ranks. {@code tier.changed} carries {@code tierRank}; for events without one the
 * known names rank REGISTERED 0, SILVER 1, GOLD 2, PLATINUM 3 (cross-service facts). "Minimum tier"
 * rules compare ranks, never names.
 */
public final class Tiers {

    public static final String ENTRY = "REGISTERED";
    public static final int ENTRY_RANK = 0;

    private static final Map<String, Integer> KNOWN = Map.of("REGISTERED", 0, "SILVER", 1, "GOLD", 2, "PLATINUM", 3);

    private Tiers() {
    }

    /** The rank the event gave, else the known name's rank, else the entry rank. */
    public static int rankOf(String tier, Integer rankFromEvent) {
        if (rankFromEvent != null) {
            return rankFromEvent;
        }
        return knownRank(tier).orElse(ENTRY_RANK);
    }

    /** The rank of one of the known tier names, if it is one. */
    public static java.util.Optional<Integer> knownRank(String tier) {
        return tier == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(KNOWN.get(tier.toUpperCase(Locale.ROOT)));
    }
}
