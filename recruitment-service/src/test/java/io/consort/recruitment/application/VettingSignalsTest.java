package io.consort.recruitment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.application.VettingSignals.PartnerMatch;
import io.consort.recruitment.partner.PartnerState;
import io.consort.recruitment.program.IdealProfile;
import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.program.Program;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VettingSignalsTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:30:00Z");
    private static final FreeMailDomains FREE = FreeMailDomains.of(List.of("gmail.com", "yahoo.*"));

    private static Application application(String email, String domain) {
        return Application.submit(UUID.randomUUID(), UUID.randomUUID(),
                new Application.Applicant("Acme", "https://" + domain, domain, "Dana", email, "EMEA", null),
                PartnerType.RESELLER, new byte[32], NOW);
    }

    private static VettingSignals signals(Application a) {
        return VettingSignals.compute(a, FREE, List.of(), List.of(), null);
    }

    @Test
    void theEmailDomainIsNormalised() {
        assertEquals("acme.example", VettingSignals.emailDomain("Dana.Reyes@ACME.Example"));
        assertEquals("acme.example", VettingSignals.emailDomain("dana@acme.example."));
        assertEquals("xn--bcher-kva.example", VettingSignals.emailDomain("dana@bücher.example"));
        assertEquals("acme.example", VettingSignals.emailDomain("\"dana@home\"@acme.example"));
    }

    @Test
    void aCompanyAddressIsNeitherFreeMailNorAMismatch() {
        VettingSignals s = signals(application("dana@acme.example", "acme.example"));
        assertEquals("acme.example", s.emailDomain());
        assertFalse(s.freeMailDomain());
        assertFalse(s.domainMismatch());
    }

    @Test
    void freeMailIsFlaggedAndIsAlsoADomainMismatch() {
        VettingSignals s = signals(application("dana.acme@yahoo.co.uk", "acme.example"));
        assertTrue(s.freeMailDomain());
        assertTrue(s.domainMismatch());
    }

    @Test
    void aSubdomainOnEitherSideIsTheSameOrganisation() {
        assertFalse(signals(application("dana@eu.acme.example", "acme.example")).domainMismatch());
        assertFalse(signals(application("dana@acme.example", "shop.acme.example")).domainMismatch());
        assertTrue(signals(application("dana@acme-group.example", "acme.example")).domainMismatch());
        assertTrue(signals(application("dana@notacme.example", "acme.example")).domainMismatch(),
                "a suffix that is not a whole label is another domain");
    }

    @Test
    void theDuplicatePartnerIsTheOldestOtherThanTheOneThisApplicationCreated() {
        Application a = application("dana@acme.example", "acme.example");
        PartnerMatch own = new PartnerMatch(UUID.randomUUID(), "Acme (from this application)", PartnerState.ACTIVE,
                "acme.example", a.id());
        PartnerMatch older = new PartnerMatch(UUID.randomUUID(), "Acme GmbH", PartnerState.TERMINATED,
                "acme.example", null);
        PartnerMatch newer = new PartnerMatch(UUID.randomUUID(), "Acme AG", PartnerState.ACTIVE, "acme.example",
                UUID.randomUUID());

        assertEquals(older, VettingSignals.compute(a, FREE, List.of(own, older, newer), List.of(), null)
                .duplicatePartner());
        assertNull(VettingSignals.compute(a, FREE, List.of(own), List.of(), null).duplicatePartner());
    }

    @Test
    void duplicateApplicationsLeaveOutThisOneAndStopAtTwenty() {
        Application a = application("dana@acme.example", "acme.example");
        List<UUID> open = new ArrayList<>();
        open.add(a.id());
        IntStream.range(0, 25).forEach(i -> open.add(UUID.randomUUID()));

        List<UUID> duplicates = VettingSignals.compute(a, FREE, List.of(), open, null).duplicateApplications();
        assertEquals(VettingSignals.MAX_DUPLICATE_APPLICATIONS, duplicates.size());
        assertEquals(open.subList(1, 21), duplicates);
        assertEquals(List.of(), VettingSignals.compute(a, FREE, List.of(), List.of(a.id()), null)
                .duplicateApplications());
    }

    @Test
    void thereIsAFitOnlyWhenTheProgramHasAnIdealProfile() {
        Application a = application("dana@acme.example", "acme.example");
        Program without = new Program(a.programId(), "Resellers", null, List.of(PartnerType.RESELLER), null, true,
                "test", NOW);
        Program with = new Program(a.programId(), "Resellers", null, List.of(PartnerType.RESELLER),
                new IdealProfile(new IdealProfile.ValueCriterion(List.of("EMEA"), 100), null, null, null, null, null),
                true, "test", NOW);

        assertNull(VettingSignals.compute(a, FREE, List.of(), List.of(), without).fit());
        assertEquals(100.0, VettingSignals.compute(a, FREE, List.of(), List.of(), with).fit().score());
    }
}
