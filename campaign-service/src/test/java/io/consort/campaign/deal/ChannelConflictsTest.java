package io.consort.campaign.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChannelConflictsTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final UUID ME = UUID.randomUUID();
    static final UUID RIVAL = UUID.randomUUID();
    static final String DOMAIN = "example.com";

    static ChannelConflicts.Existing approved(UUID partner, String domain, List<String> products, Instant until) {
        return new ChannelConflicts.Existing(UUID.randomUUID(), partner, domain, products, DealState.APPROVED, until,
                until.minus(Duration.ofDays(10)));
    }

    static ChannelConflicts.Existing pending(UUID partner, DealState state, List<String> products, Instant claimEnds) {
        return new ChannelConflicts.Existing(UUID.randomUUID(), partner, DOMAIN, products, state, null, claimEnds);
    }

    @Test
    void anotherPartnersProtectedApprovalOfAnOverlappingProductConflictsUntilItsEnd() {
        Instant until = NOW.plus(Duration.ofDays(30));
        var other = approved(RIVAL, DOMAIN, List.of("A", "B"), until);
        var conflicts = ChannelConflicts.of(ME, DOMAIN, List.of("B", "C"), List.of(other), NOW);
        assertEquals(1, conflicts.size());
        assertEquals(ConflictRule.APPROVED_PROTECTION, conflicts.get(0).rule());
        assertEquals(List.of("B"), conflicts.get(0).products());
        assertEquals(until, conflicts.get(0).endsAt());
        assertEquals(other, conflicts.get(0).other());
    }

    @Test
    void theWindowEndIsExclusive() {
        Instant until = NOW;
        assertEquals(List.of(), ChannelConflicts.of(ME, DOMAIN, List.of("A"),
                List.of(approved(RIVAL, DOMAIN, List.of("A"), until)), NOW));
        assertEquals(1, ChannelConflicts.of(ME, DOMAIN, List.of("A"),
                List.of(approved(RIVAL, DOMAIN, List.of("A"), until.plusNanos(1))), NOW).size());
    }

    @Test
    void anEarlierPendingRegistrationConflictsInsideItsClaimWindow() {
        for (DealState s : DealState.PENDING) {
            var conflicts = ChannelConflicts.of(ME, DOMAIN, List.of("A"),
                    List.of(pending(RIVAL, s, List.of("A"), NOW.plusSeconds(1))), NOW);
            assertEquals(ConflictRule.PENDING_REGISTRATION, conflicts.get(0).rule(), s.name());
        }
        assertEquals(List.of(), ChannelConflicts.of(ME, DOMAIN, List.of("A"),
                List.of(pending(RIVAL, DealState.IN_REVIEW, List.of("A"), NOW)), NOW));
    }

    @Test
    void theSamePartnerOtherProductsOtherCustomersAndClosedRegistrationsDoNotConflict() {
        Instant later = NOW.plus(Duration.ofDays(5));
        List<ChannelConflicts.Existing> none = List.of(
                approved(ME, DOMAIN, List.of("A"), later),
                approved(RIVAL, DOMAIN, List.of("Z"), later),
                approved(RIVAL, "other.com", List.of("A"), later),
                pending(RIVAL, DealState.REJECTED, List.of("A"), later),
                pending(RIVAL, DealState.WITHDRAWN, List.of("A"), later),
                pending(RIVAL, DealState.WON, List.of("A"), later),
                pending(RIVAL, DealState.EXPIRED, List.of("A"), later));
        assertEquals(List.of(), ChannelConflicts.of(ME, DOMAIN, List.of("A"), none, NOW));
    }

    @Test
    void approvedProtectionsComeFirstThenTheLongestLasting() {
        var pendingLong = pending(RIVAL, DealState.SUBMITTED, List.of("A"), NOW.plus(Duration.ofDays(80)));
        var approvedShort = approved(RIVAL, DOMAIN, List.of("A"), NOW.plus(Duration.ofDays(2)));
        var approvedLong = approved(UUID.randomUUID(), DOMAIN, List.of("A"), NOW.plus(Duration.ofDays(9)));
        var conflicts = ChannelConflicts.of(ME, DOMAIN, List.of("A"), List.of(pendingLong, approvedShort, approvedLong), NOW);
        assertEquals(List.of(approvedLong, approvedShort, pendingLong), conflicts.stream().map(c -> c.other()).toList());
    }
}
