package io.consort.recruitment.directory;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner as the public directory shows it. */
@Schema(name = "DirectoryEntry", example = """
        {"id": "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "name": "Acme Networks GmbH", "region": "EMEA",
         "specialisations": ["CLOUD_SECURITY", "NETWORK"], "tier": "GOLD", "website": "https://acme-networks.example"}""")
public record DirectoryEntry(
        @Schema(example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a") UUID id,
        @Schema(example = "Acme Networks GmbH") String name,
        @Schema(nullable = true, example = "EMEA") String region,
        @Schema(example = "[\"CLOUD_SECURITY\", \"NETWORK\"]") List<String> specialisations,
        @Schema(nullable = true, description = "null until performance has assigned one", example = "GOLD") String tier,
        @Schema(nullable = true, example = "https://acme-networks.example") String website) {

    static DirectoryEntry from(DirectoryListing l) {
        return new DirectoryEntry(l.id(), l.name(), l.region(), l.specialisations(), l.tier(), l.website());
    }
}
