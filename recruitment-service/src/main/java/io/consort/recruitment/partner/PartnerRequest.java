package io.consort.recruitment.partner;

import io.consort.recruitment.program.PartnerType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The partner fields of a {@code PATCH} (JSON merge patch, RFC 7396: an absent field stays as it is,
 * {@code null} clears it), of an upsert by external id (the same merge on update; {@code programId} and
 * {@code name} needed on create) and of a bulk line (which adds {@code system} and {@code externalId}).
 * Jackson cannot tell an absent field from a null one in a record, so {@link PartnerEdit} takes the
 * names present in the JSON object beside it.
 */
@Schema(name = "PartnerRequest", description = "Partner fields to set; absent fields stay as they are, null clears one",
        example = """
                {"website": "https://acme-networks.example", "description": "Network security for mid-sized banks.",
                 "specialisations": ["CLOUD_SECURITY", "NETWORK"], "industries": ["FINANCE"],
                 "listedInDirectory": true}""")
public record PartnerRequest(
        @Schema(maxLength = 200, example = "Acme Networks GmbH") String name,
        @Schema(description = "Vendor side only; one of the program's partner types", example = "RESELLER")
        PartnerType type,
        @Schema(description = "Vendor side only; UPPER_SNAKE region code", example = "EMEA") String region,
        @Schema(description = "Vendor side only; the company's domain, the key of duplicate checks", maxLength = 253,
                example = "acme-networks.example") String domain,
        @Schema(description = "http(s) URL", maxLength = 500, example = "https://acme-networks.example") String website,
        @Schema(maxLength = 4000, example = "Network security for mid-sized banks.") String description,
        @Schema(description = "UPPER_SNAKE codes, at most 50", example = "[\"CLOUD_SECURITY\", \"NETWORK\"]")
        List<String> specialisations,
        @Schema(description = "UPPER_SNAKE codes, at most 50", example = "[\"FINANCE\"]") List<String> industries,
        @Schema(description = "Whether the public partner directory lists the partner while it is ACTIVE",
                example = "true") Boolean listedInDirectory,
        @Schema(description = "Vendor side only; required when an upsert creates the partner",
                example = "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d") UUID programId,
        @Schema(description = "Vendor side only; the parent partner (a distributor of this reseller), null for none",
                example = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d") UUID parentPartnerId,
        @Schema(description = "Vendor side only; ids of this partner in other systems, by lower-case system name, "
                + "merged into the known ones (null removes a system's id)",
                example = "{\"hubspot\": \"8812733\"}") Map<String, String> externalIds) {
}
