package io.consort.recruitment.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.support.IllegalTransitionException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerTest {

    private static final Instant T0 = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-07T10:00:00Z");

    private static Partner partner() {
        return Partner.onboard(new NewPartner(UUID.randomUUID(), UUID.randomUUID(), null, "Acme", PartnerType.RESELLER,
                "EMEA", "acme.example", null), "manager", T0);
    }

    private static PartnerEdit edit(PartnerRequest request, String... present) {
        return PartnerEdit.of(request, Set.of(present)).edit();
    }

    @Test
    void anEditAnswersTheFieldsItChangedAndRecordsWhoChangedThem() {
        Partner partner = partner();
        List<String> changed = partner.edit(edit(new PartnerRequest("Acme", null, "DACH", null, null, null,
                List.of("NETWORK"), null, null, null, null, null), "name", "region", "specialisations"), "pat", T1);
        assertEquals(Set.of("region", "specialisations"), Set.copyOf(changed));
        assertEquals("DACH", partner.region());
        assertEquals("pat", partner.origin());
        assertEquals(T1, partner.updatedAt());
    }

    @Test
    void anEditThatChangesNothingTouchesNothing() {
        Partner partner = partner();
        List<String> changed = partner.edit(edit(new PartnerRequest("Acme", PartnerType.RESELLER, "EMEA", null, null,
                null, null, null, null, null, null, null), "name", "type", "region"), "pat", T1);
        assertEquals(List.of(), changed);
        assertEquals("manager", partner.origin());
        assertEquals(T0, partner.updatedAt());
    }

    @Test
    void externalIdsAreMergedPerSystemAndANullIdRemovesOne() {
        Partner partner = partner();
        partner.edit(edit(new PartnerRequest(null, null, null, null, null, null, null, null, null, null, null,
                Map.of("salesforce", "001", "hubspot", "77")), "externalIds"), "crm", T1);
        Map<String, String> ids = new HashMap<>();
        ids.put("hubspot", null);
        ids.put("pipedrive", "p-9");
        List<String> changed = partner.edit(edit(new PartnerRequest(null, null, null, null, null, null, null, null,
                null, null, null, ids), "externalIds"), "crm", T1);
        assertEquals(List.of("externalIds"), changed);
        assertEquals(Map.of("salesforce", "001", "pipedrive", "p-9"), partner.externalIds());
    }

    @Test
    void aSuspensionKeepsItsReasonUntilTheReinstatement() {
        Partner partner = partner();
        partner.activate("onboarding", T0);
        partner.suspend("Overdue training", "manager", T1);
        assertEquals(PartnerState.SUSPENDED, partner.state());
        assertEquals("Overdue training", partner.stateReason());
        assertEquals(T1, partner.stateChangedAt());
        partner.reinstate("manager", T1);
        assertEquals(PartnerState.ACTIVE, partner.state());
        assertNull(partner.stateReason());
    }

    @Test
    void aTerminatedPartnerCannotBeChanged() {
        Partner partner = partner();
        partner.terminate("Agreement not renewed", "manager", T1);
        assertThrows(IllegalTransitionException.class, () -> partner.edit(edit(new PartnerRequest("New name", null,
                null, null, null, null, null, null, null, null, null, null), "name"), "manager", T1));
        assertThrows(IllegalTransitionException.class, () -> partner.reinstate("manager", T1));
        assertEquals("Acme", partner.name());
    }
}
