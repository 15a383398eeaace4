package io.consort.recruitment.partner;

import io.consort.recruitment.program.PartnerType;
import java.util.UUID;

/** What it takes to create a partner; built by whoever accepts one (today: an approved application). */
public record NewPartner(UUID id, UUID programId, UUID applicationId, String name, PartnerType type, String region,
        String domain) {
}
