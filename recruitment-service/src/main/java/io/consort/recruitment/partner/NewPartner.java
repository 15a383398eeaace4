package io.consort.recruitment.partner;

import io.consort.recruitment.program.PartnerType;
import java.util.UUID;

/**
 * What it takes to create a partner; built by whoever accepts one (an approved application, a CRM
 * upsert). Every field an applicant gives that the partner record has travels here, so nothing the
 * applicant said is lost at approval.
 */
public record NewPartner(UUID id, UUID programId, UUID applicationId, String name, PartnerType type, String region,
        String domain, String website) {
}
