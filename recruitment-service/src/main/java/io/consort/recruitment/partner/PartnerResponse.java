package io.consort.recruitment.partner;

import io.consort.recruitment.program.PartnerType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner organisation as the API shows it. */
@Schema(name = "Partner", example = """
        {"id": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d",
         "applicationId": "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "parentPartnerId": null,
         "name": "Acme Networks GmbH", "type": "RESELLER", "region": "EMEA", "domain": "acme-networks.example",
         "website": "https://acme-networks.example", "description": "Network security for mid-sized banks.",
         "specialisations": ["CLOUD_SECURITY", "NETWORK"], "industries": ["FINANCE"], "listedInDirectory": true,
         "state": "SUSPENDED", "stateReason": "Overdue compliance training", "stateChangedAt": "2026-02-01T09:30:00Z",
         "tier": null, "externalIds": {"salesforce": "0015g00000XyZ"}, "version": 3,
         "createdAt": "2026-01-06T10:00:00Z", "updatedAt": "2026-02-01T09:30:00Z", "createdBy": "manager",
         "origin": "manager"}""")
public record PartnerResponse(
        @Schema(example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID id,
        @Schema(example = "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d") UUID programId,
        @Schema(nullable = true, description = "The application that created it; null for partners created by an "
                + "upsert",
                example = "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") UUID applicationId,
        @Schema(nullable = true, example = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") UUID parentPartnerId,
        @Schema(example = "Acme Networks GmbH") String name,
        @Schema(example = "RESELLER") PartnerType type,
        @Schema(nullable = true, example = "EMEA") String region,
        @Schema(example = "acme-networks.example") String domain,
        @Schema(nullable = true, example = "https://acme-networks.example") String website,
        @Schema(nullable = true, example = "Network security for mid-sized banks.") String description,
        @Schema(example = "[\"CLOUD_SECURITY\", \"NETWORK\"]") List<String> specialisations,
        @Schema(example = "[\"FINANCE\"]") List<String> industries,
        @Schema(example = "true") boolean listedInDirectory,
        @Schema(example = "SUSPENDED") PartnerState state,
        @Schema(nullable = true, description = "Why it is suspended or terminated",
                example = "Overdue compliance training")
        String stateReason,
        @Schema(nullable = true, example = "2026-02-01T09:30:00Z") Instant stateChangedAt,
        @Schema(nullable = true, description = "Learned from performance's tier changes", example = "GOLD") String tier,
        @Schema(description = "Ids of this partner in other systems, by system",
                example = "{\"salesforce\": \"0015g00000XyZ\"}") Map<String, String> externalIds,
        @Schema(description = "The version behind the ETag", example = "3") long version,
        @Schema(example = "2026-01-06T10:00:00Z") Instant createdAt,
        @Schema(example = "2026-02-01T09:30:00Z") Instant updatedAt,
        @Schema(example = "manager") String createdBy,
        @Schema(description = "Who made the last change (user name or client id)", example = "manager")
        String origin) {

    static PartnerResponse from(Partner p) {
        return new PartnerResponse(p.id(), p.programId(), p.applicationId(), p.parentPartnerId(), p.name(), p.type(),
                p.region(), p.domain(), p.website(), p.description(), p.specialisations(), p.industries(),
                p.listedInDirectory(), p.state(), p.stateReason(), p.stateChangedAt(), p.tier(), p.externalIds(),
                p.version(), p.createdAt(), p.updatedAt(), p.createdBy(), p.origin());
    }
}
