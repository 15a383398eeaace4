package io.consort.community.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Folding a partner's facts: any order, any number of repeats, ends in the same membership. */
class MemberTest {

    private static final UUID PARTNER = UUID.randomUUID();
    private static final UUID PROGRAM = UUID.randomUUID();

    private static Instant t(int minute) {
        return Instant.parse("2026-11-01T09:00:00Z").plusSeconds(60L * minute);
    }

    @Test
    void activationMakesAnActiveMemberAtTheEntryTier() {
        Member m = Member.heardOf(PARTNER);
        m.profile(t(0), PROGRAM, "Acme", "EMEA", true);
        assertEquals(Member.Change.JOINED, m.activated(t(0)));
        assertEquals(MemberStatus.ACTIVE, m.status);
        assertEquals("REGISTERED", m.tier);
        assertEquals(0, m.tierRank);
        assertEquals(Member.Change.NONE, m.activated(t(0)), "a redelivered activation joins nobody twice");
    }

    @Test
    void anOlderSuspensionArrivingLateDoesNotUndoAReinstatement() {
        Member m = Member.heardOf(PARTNER);
        m.activated(t(0));
        m.reinstated(t(10));
        m.suspended(t(5));
        assertEquals(MemberStatus.ACTIVE, m.status);
    }

    @Test
    void terminationIsFinalAndLeavesOnce() {
        Member m = Member.heardOf(PARTNER);
        m.activated(t(0));
        assertEquals(Member.Change.LEFT, m.terminated(t(5)));
        assertEquals(Member.Change.NONE, m.reinstated(t(9)));
        assertEquals(Member.Change.NONE, m.terminated(t(5)));
        assertEquals(MemberStatus.CLOSED, m.status);
    }

    @Test
    void anActivationArrivingAfterItsTerminationJoinsAndLeaves() {
        Member m = Member.heardOf(PARTNER);
        assertEquals(Member.Change.NONE, m.terminated(t(5)));
        assertEquals(Member.Change.JOINED_AND_LEFT, m.activated(t(0)));
        assertEquals(MemberStatus.CLOSED, m.status);
    }

    @Test
    void anOlderTierChangeArrivingLateIsIgnored() {
        Member m = Member.heardOf(PARTNER);
        m.tierChanged("GOLD", 2, t(10));
        m.tierChanged("SILVER", 1, t(5));
        assertEquals("GOLD", m.tier);
        assertEquals(2, m.tierRank);
    }

    @Test
    void everyOrderAndRepeatOfAHistoryEndsInTheSameMembership() {
        List<Consumer<Member>> history = List.of(
                m -> m.profile(t(0), PROGRAM, "Acme", "EMEA", false),
                m -> m.activated(t(1)),
                m -> m.tierChanged("SILVER", 1, t(2)),
                m -> m.suspended(t(3)),
                m -> m.tierChanged("GOLD", 2, t(4)),
                m -> m.reinstated(t(5)),
                m -> m.profile(t(6), PROGRAM, "Acme Networks", "APAC", true),
                m -> m.tierChanged("SILVER", 1, t(7)),
                m -> m.suspended(t(8)));
        Member expected = fold(history);
        assertEquals(MemberStatus.SUSPENDED, expected.status);
        assertEquals("SILVER", expected.tier);
        assertEquals("APAC", expected.region);
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Consumer<Member>> shuffled = new ArrayList<>(history);
            shuffled.addAll(history.subList(0, random.nextInt(history.size())));
            Collections.shuffle(shuffled, random);
            assertEquals(snapshot(expected), snapshot(fold(shuffled)), "round " + round);
        }
    }

    private static Member fold(List<Consumer<Member>> facts) {
        Member m = Member.heardOf(PARTNER);
        facts.forEach(f -> f.accept(m));
        return m;
    }

    private static String snapshot(Member m) {
        return String.join("|", String.valueOf(m.status), m.tier, String.valueOf(m.tierRank), m.name, m.region,
                String.valueOf(m.programId), String.valueOf(m.listedInDirectory), String.valueOf(m.joinedAt),
                String.valueOf(m.leftAt), String.valueOf(m.statusAt), String.valueOf(m.tierAt), String.valueOf(m.profileAt));
    }
}
