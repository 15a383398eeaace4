package io.consort.recruitment.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.problem.Problem.FieldError;
import io.consort.recruitment.program.PartnerType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerEditTest {

    private static PartnerRequest request(String name, String region, String website, List<String> specialisations,
            Boolean listed, UUID parent, Map<String, String> externalIds) {
        return new PartnerRequest(name, PartnerType.RESELLER, region, null, website, null, specialisations, null,
                listed, null, parent, externalIds);
    }

    @Test
    void onlyTheFieldsPresentInTheObjectAreSetAndANullOneIsCleared() {
        PartnerEdit edit = PartnerEdit.of(request(null, null, null, null, null, null, null),
                Set.of("region", "parentPartnerId")).edit();
        assertEquals(Set.of(PartnerField.REGION, PartnerField.PARENT_PARTNER_ID), edit.fields());
        assertNull(edit.value(PartnerField.REGION));
        assertFalse(edit.has(PartnerField.NAME));
    }

    @Test
    void valuesAreNormalised() {
        PartnerEdit edit = PartnerEdit.of(request("  Acme  ", "EMEA", "acme.example", List.of("NETWORK", "NETWORK"),
                true, null, null), Set.of("name", "website", "specialisations", "listedInDirectory")).edit();
        assertEquals("Acme", edit.value(PartnerField.NAME));
        assertEquals("https://acme.example", edit.value(PartnerField.WEBSITE));
        assertEquals(List.of("NETWORK"), edit.value(PartnerField.SPECIALISATIONS));
        assertEquals(Boolean.TRUE, edit.value(PartnerField.LISTED_IN_DIRECTORY));
    }

    @Test
    void aClearedListIsEmptyNotNull() {
        PartnerEdit edit = PartnerEdit.of(request(null, null, null, null, null, null, null),
                Set.of("specialisations")).edit();
        assertEquals(List.of(), edit.value(PartnerField.SPECIALISATIONS));
    }

    @Test
    void everyBadFieldIsNamed() {
        Map<String, String> ids = new HashMap<>();
        ids.put("Sales Force", "1");
        ids.put("hubspot", " ");
        PartnerEdit.Result result = PartnerEdit.of(request(" ", "emea", "ftp://nowhere", List.of("OK", "bad"), null,
                null, ids), Set.of("name", "region", "website", "specialisations", "listedInDirectory", "externalIds"));
        assertFalse(result.valid());
        assertEquals(Set.of("name", "region", "website", "specialisations[1]", "listedInDirectory",
                "externalIds.Sales Force", "externalIds.hubspot"),
                result.errors().stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void requiredFieldsCannotBeCleared() {
        PartnerEdit.Result result = PartnerEdit.of(new PartnerRequest(null, null, null, null, null, null, null, null,
                null, null, null, null), Set.of("name", "type", "domain", "programId"));
        assertEquals(List.of("name", "type", "domain", "programId"),
                result.errors().stream().map(FieldError::field).sorted(
                        java.util.Comparator.comparing(List.of("name", "type", "domain", "programId")::indexOf)).toList());
    }

    @Test
    void vendorOnlyFieldsAreTheOnesThatPlaceThePartnerInTheChannel() {
        PartnerEdit edit = PartnerEdit.of(request("Acme", "EMEA", null, null, true, UUID.randomUUID(),
                Map.of("salesforce", "001")), Set.of("name", "region", "listedInDirectory", "parentPartnerId",
                "externalIds")).edit();
        assertEquals(Set.of("region", "parentPartnerId", "externalIds"), Set.copyOf(edit.vendorOnlyFields()));
        assertTrue(PartnerEdit.of(request("Acme", null, null, null, true, null, null),
                Set.of("name", "listedInDirectory")).edit().vendorOnlyFields().isEmpty());
    }
}
