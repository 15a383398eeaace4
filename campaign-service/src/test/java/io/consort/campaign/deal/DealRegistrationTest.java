package io.consort.campaign.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.campaign.mdf.CurrencyMismatchException;
import io.consort.campaign.mdf.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DealRegistrationTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final ProtectionPolicy NINETY_PLUS_THIRTY = ProtectionPolicy.ofDays(90, 30);

    static DealRegistration submitted() {
        return DealRegistration.submit(UUID.randomUUID(), UUID.randomUUID(), "Müller GmbH", "xn--mller-kva.de",
                List.of("ANALYTICS-PRO"), Money.of(new BigDecimal("48000"), "EUR"), LocalDate.of(2027, 3, 31), null, null,
                NINETY_PLUS_THIRTY, "pat", T0);
    }

    @Test
    void aPendingRegistrationClaimsItsCustomerForTheWindowFromSubmission() {
        DealRegistration d = submitted();
        assertEquals(DealState.SUBMITTED, d.state);
        assertEquals(T0.plus(Duration.ofDays(90)), d.claimEndsAt);
        assertEquals(new BigDecimal("48000.00"), d.amount);
    }

    @Test
    void approvalProtectsForTheProgramsWindowFromApproval() {
        DealRegistration d = submitted();
        Instant approvedAt = T0.plus(Duration.ofDays(3));
        d.approve("manager", approvedAt);
        assertEquals(DealState.APPROVED, d.state);
        assertEquals(approvedAt.plus(Duration.ofDays(90)), d.protectedUntil);
        assertEquals("manager", d.decidedBy);
    }

    @Test
    void theProtectionHoldsUpToButNotIncludingItsEnd() {
        Instant end = T0.plus(Duration.ofDays(90));
        assertTrue(ProtectionPolicy.holds(end, end.minusNanos(1)));
        assertFalse(ProtectionPolicy.holds(end, end));
        assertFalse(ProtectionPolicy.holds(end, end.plusSeconds(1)));
        assertFalse(ProtectionPolicy.holds(null, T0));
    }

    @Test
    void theProtectionIsExtendedOnceOnly() {
        DealRegistration d = submitted();
        d.approve("manager", T0);
        d.extendProtection(T0.plus(Duration.ofDays(80)));
        assertEquals(T0.plus(Duration.ofDays(120)), d.protectedUntil);
        assertTrue(d.extended);
        IllegalDealTransitionException twice = assertThrows(IllegalDealTransitionException.class,
                () -> d.extendProtection(T0.plus(Duration.ofDays(100))));
        assertTrue(twice.getMessage().contains("already extended once"), twice.getMessage());
        assertEquals(T0.plus(Duration.ofDays(120)), d.protectedUntil);
    }

    @Test
    void anEndedProtectionCannotBeExtendedButExpires() {
        DealRegistration d = submitted();
        d.approve("manager", T0);
        Instant end = d.protectedUntil;
        assertThrows(IllegalDealTransitionException.class, () -> d.extendProtection(end));
        assertThrows(IllegalDealTransitionException.class, () -> d.expire(end.minusSeconds(1)));
        d.expire(end);
        assertEquals(DealState.EXPIRED, d.state);
    }

    @Test
    void onlyAnApprovedRegistrationIsExtended() {
        DealRegistration d = submitted();
        assertThrows(IllegalDealTransitionException.class, () -> d.extendProtection(T0));
    }

    @Test
    void winningKeepsTheRegisteredAmountOrTakesTheFinalOneInTheSameCurrency() {
        DealRegistration d = submitted();
        d.approve("manager", T0);
        assertThrows(CurrencyMismatchException.class,
                () -> d.win(LocalDate.of(2027, 2, 1), Money.of(new BigDecimal("50000"), "USD"), T0));
        assertEquals(DealState.APPROVED, d.state);
        d.win(LocalDate.of(2027, 2, 1), Money.of(new BigDecimal("51000.50"), "EUR"), T0.plusSeconds(60));
        assertEquals(DealState.WON, d.state);
        assertEquals(Money.of(new BigDecimal("51000.50"), "EUR"), d.money());
        assertEquals(LocalDate.of(2027, 2, 1), d.closedOn);
    }

    @Test
    void rejectionAndLossKeepTheirReason() {
        DealRegistration rejected = submitted();
        rejected.reject("direct account", "manager", T0);
        assertEquals("direct account", rejected.reason);
        DealRegistration lost = submitted();
        lost.approve("manager", T0);
        lost.lose("competitor", LocalDate.of(2027, 1, 5), T0);
        assertEquals(DealState.LOST, lost.state);
        assertEquals("competitor", lost.reason);
    }
}
