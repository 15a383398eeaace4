package io.consort.campaign.partner;

import java.util.List;
import java.util.UUID;

/**
 * The profile fields one event carried; {@code null} means the event did not carry that field (older
 * producers send fewer), which leaves the stored value as it is.
 */
public record PartnerProfile(UUID programId, String name, String partnerType, String region,
        List<String> specialisations, List<String> industries, String website, String domain,
        UUID parentPartnerId, boolean parentPartnerIdPresent, Boolean listedInDirectory) {
}
