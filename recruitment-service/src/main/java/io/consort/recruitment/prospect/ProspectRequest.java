package io.consort.recruitment.prospect;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/prospects}, of the upsert by external id, and of one line of the bulk
 * import. Checked by {@link ProspectRules} (the same rules for all three), not Bean Validation, because
 * the bulk import validates up to 100,000 of them per request.
 */
@Schema(name = "ProspectRequest", example = """
        {"companyName": "Northwind Security", "website": "https://northwind.example", "region": "EMEA",
         "industries": ["FINANCE"], "specialisations": ["CLOUD_SECURITY", "NETWORK"], "employeeCount": 120,
         "revenueBand": "M10_50", "certifications": ["ISO_27001"], "externalIds": {"salesforce": "0015g00000XyZ"}}""")
public record ProspectRequest(
        @Schema(required = true, maxLength = 200) String companyName,
        @Schema(maxLength = 500, description = "http(s) URL; the domain is taken from it unless given") String website,
        @Schema(maxLength = 253) String domain,
        @Schema(description = "UPPER_SNAKE region code") String region,
        List<String> industries,
        List<String> specialisations,
        @Schema(minimum = "0") Integer employeeCount,
        @Schema(description = "UPPER_SNAKE revenue band code") String revenueBand,
        List<String> certifications,
        @Schema(description = "Ids of this company in other systems, by system name (lower case)") Map<String, String> externalIds) {
}
