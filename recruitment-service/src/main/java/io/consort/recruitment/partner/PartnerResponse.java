package io.consort.recruitment.partner;

import io.consort.recruitment.program.PartnerType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner organisation as the API shows it. */
@Schema(name = "Partner", example = """
        {"id": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d",
         "applicationId": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "parentPartnerId": null,
         "name": "Acme Networks GmbH", "type": "RESELLER", "region": "EMEA", "domain": "acme-networks.example",
         "state": "ONBOARDING", "tier": null, "version": 0, "createdAt": "2026-01-06T10:00:00Z",
         "updatedAt": "2026-01-06T10:00:00Z", "createdBy": "manager", "origin": "manager"}""")
public record PartnerResponse(UUID id, UUID programId, UUID applicationId, UUID parentPartnerId, String name,
        PartnerType type, String region, String domain, PartnerState state, String tier, long version,
        Instant createdAt, Instant updatedAt, String createdBy, String origin) {

    static PartnerResponse from(Partner p) {
        return new PartnerResponse(p.id(), p.programId(), p.applicationId(), p.parentPartnerId(), p.name(), p.type(),
                p.region(), p.domain(), p.state(), p.tier(), p.version(), p.createdAt(), p.updatedAt(),
                p.createdBy(), p.origin());
    }
}
