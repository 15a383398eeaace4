package io.consort.campaign.deal;

import java.util.Optional;
import java.util.UUID;

/**
 * Which program a partner belongs to, as the service's partner view (built from recruitment's events) knows it;
 * deal protection windows are set per program.
 */
public interface PartnerPrograms {

    Optional<UUID> programOf(UUID partnerId);
}
