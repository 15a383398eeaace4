package io.consort.recruitment.partner;

import java.util.Optional;

/**
 * The partner fields a caller may set, by their API name. A partner's own admin may describe its
 * organisation; what decides its place in the channel (program, type, region, domain, parent, the ids
 * other systems know it by) is the vendor's to set. State and tier are never set this way: state
 * through the lifecycle actions, tier from performance's events.
 */
enum PartnerField {
    NAME("name", false),
    WEBSITE("website", false),
    DESCRIPTION("description", false),
    SPECIALISATIONS("specialisations", false),
    INDUSTRIES("industries", false),
    LISTED_IN_DIRECTORY("listedInDirectory", false),
    TYPE("type", true),
    REGION("region", true),
    DOMAIN("domain", true),
    PROGRAM_ID("programId", true),
    PARENT_PARTNER_ID("parentPartnerId", true),
    EXTERNAL_IDS("externalIds", true);

    final String json;
    final boolean vendorOnly;

    PartnerField(String json, boolean vendorOnly) {
        this.json = json;
        this.vendorOnly = vendorOnly;
    }

    static Optional<PartnerField> byJson(String name) {
        for (PartnerField f : values()) {
            if (f.json.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
