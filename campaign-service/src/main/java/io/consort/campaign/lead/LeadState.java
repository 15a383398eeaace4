package io.consort.campaign.lead;

import java.util.Set;

/**
 * domain.md: {@code NEW → OFFERED(partner, acceptBy) → ACCEPTED → CONVERTED | LOST(reason)}; a decline or
 * a timeout routes an offered lead on (OFFERED again, to another partner) or leaves it UNROUTED.
 */
public enum LeadState {
    NEW,
    OFFERED,
    ACCEPTED,
    CONVERTED,
    LOST,
    UNROUTED;

    /** States in which a partner holds the lead: they count against its capacity. */
    public static final Set<LeadState> OPEN = Set.of(OFFERED, ACCEPTED);

    /** Whether the partner holding the lead may see its contact details. */
    public boolean revealsContact() {
        return this == ACCEPTED || this == CONVERTED || this == LOST;
    }
}
