package io.consort.recruitment.prospect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Prospect", example = """
        {"id": "6a1f0c3e-9b2d-4e5f-8a7b-1c2d3e4f5a6b", "companyName": "Northwind Security",
         "website": "https://northwind.example", "domain": "northwind.example", "region": "EMEA",
         "industries": ["FINANCE"], "specialisations": ["CLOUD_SECURITY"], "employeeCount": 120,
         "revenueBand": "M10_50", "certifications": ["ISO_27001"], "externalIds": {"salesforce": "0015g00000XyZ"},
         "version": 0, "createdAt": "2026-11-27T09:15:00Z", "updatedAt": "2026-11-27T09:15:00Z",
         "createdBy": "manager", "updatedBy": "manager"}""")
public record ProspectResponse(UUID id, String companyName, @Schema(nullable = true) String website,
        @Schema(nullable = true) String domain, @Schema(nullable = true) String region,
        List<String> industries, List<String> specialisations, @Schema(nullable = true) Integer employeeCount,
                @Schema(nullable = true) String revenueBand,
        List<String> certifications, Map<String, String> externalIds, long version, Instant createdAt,
        Instant updatedAt, String createdBy, String updatedBy) {

    static ProspectResponse from(Prospect p) {
        return new ProspectResponse(p.id(), p.companyName(), p.website(), p.domain(), p.region(), p.industries(),
                p.specialisations(), p.employeeCount(), p.revenueBand(), p.certifications(), p.externalIds(),
                p.version(), p.createdAt(), p.updatedAt(), p.createdBy(), p.updatedBy());
    }
}
