package io.consort.recruitment.partner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One input line of {@code POST /api/v1/partners/bulk}, as the OpenAPI document shows it: the key another
 * system knows the partner by, then the fields of {@link PartnerRequest}. {@link PartnerBulkUpsert} reads the
 * lines as JSON trees (a bad line is a result line, not a failed request), so this record only documents them.
 */
@Schema(name = "PartnerBulkLine", allOf = PartnerRequest.class, requiredProperties = { "system", "externalId" },
        example = """
                {"system": "salesforce", "externalId": "0015g00000XyZ",
                        "programId": "0b7e3f4e-5d2a-4c43-9a43-6f0b8f0c1e2d",
                 "name": "Acme Networks GmbH", "region": "EMEA"}""")
public record PartnerBulkLine(
        @Schema(description = "The other system's name, lower case", pattern = "^[a-z][a-z0-9_-]{0,39}$",
                example = "salesforce") String system,
        @Schema(description = "The partner's id in that system", minLength = 1, maxLength = 200,
                example = "0015g00000XyZ") String externalId) {
}
