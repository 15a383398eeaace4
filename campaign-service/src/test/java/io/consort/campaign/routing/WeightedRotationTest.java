package io.consort.campaign.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rotation without a database: shares match weights, ties are deterministic, nobody starves. */
class WeightedRotationTest {

    /** The rotation's state as the router keeps it in routing_rotation and routing_rules. */
    static final class State {
        final Map<UUID, Long> passes = new HashMap<>();
        final Map<UUID, Integer> picks = new HashMap<>();
        long clock;

        UUID pick(Map<UUID, Integer> weights) {
            List<WeightedRotation.Candidate> candidates = new ArrayList<>();
            weights.forEach((id, w) -> candidates.add(new WeightedRotation.Candidate(id, w, passes.get(id))));
            WeightedRotation.Pick pick = WeightedRotation.pick(candidates, clock);
            UUID id = pick.candidate().partnerId();
            passes.put(id, pick.newPass());
            clock = pick.newClock();
            picks.merge(id, 1, Integer::sum);
            return id;
        }
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    @Test
    void overThousandsOfLeadsEachShareMatchesItsWeight() {
        Map<UUID, Integer> weights = new LinkedHashMap<>();
        Random random = new Random(7);
        for (int i = 1; i <= 50; i++) {
            weights.put(id(i), 1 + random.nextInt(5));
        }
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        State state = new State();
        int leads = total * 200;
        for (int i = 0; i < leads; i++) {
            state.pick(weights);
        }
        for (Map.Entry<UUID, Integer> w : weights.entrySet()) {
            double expected = (double) leads * w.getValue() / total;
            int got = state.picks.getOrDefault(w.getKey(), 0);
            assertTrue(Math.abs(got - expected) <= 1.0, w.getKey() + " got " + got + ", expected " + expected);
        }
    }

    @Test
    void atAnyMomentNoPartnerIsMoreThanOneLeadFromItsShare() {
        Map<UUID, Integer> weights = Map.of(id(1), 3, id(2), 2, id(3), 1);
        State state = new State();
        for (int n = 1; n <= 6000; n++) {
            state.pick(weights);
            for (Map.Entry<UUID, Integer> w : weights.entrySet()) {
                double expected = n * w.getValue() / 6.0;
                assertTrue(Math.abs(state.picks.getOrDefault(w.getKey(), 0) - expected) <= 1.0,
                        "after " + n + " leads " + w.getKey() + " is off its share");
            }
        }
    }

    @Test
    void tiesGoToTheLowestPartnerIdAndTheRotationIsDeterministic() {
        Map<UUID, Integer> weights = new LinkedHashMap<>();
        weights.put(id(3), 1);
        weights.put(id(1), 1);
        weights.put(id(2), 1);
        State first = new State();
        State second = new State();
        List<UUID> a = new ArrayList<>();
        List<UUID> b = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            a.add(first.pick(weights));
            b.add(second.pick(weights));
        }
        assertEquals(List.of(id(1), id(2), id(3), id(1), id(2), id(3), id(1), id(2), id(3)), a);
        assertEquals(a, b);
    }

    @Test
    void aPartnerBackFromAFullCapacityRejoinsWithoutABurst() {
        Map<UUID, Integer> all = Map.of(id(1), 1, id(2), 1);
        Map<UUID, Integer> onlyOne = Map.of(id(1), 1);
        State state = new State();
        for (int i = 0; i < 10; i++) {
            state.pick(all);
        }
        for (int i = 0; i < 100; i++) {
            state.pick(onlyOne); // partner 2 at capacity: it is not a candidate
        }
        List<UUID> next = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            next.add(state.pick(all));
        }
        assertEquals(5, next.stream().filter(id(2)::equals).count(), "it takes turns, no catching up: " + next);
    }

    @Test
    void aNewPartnerJoinsTheRotationAtOnceWithoutStarvingOrFlooding() {
        State state = new State();
        Map<UUID, Integer> weights = new LinkedHashMap<>(Map.of(id(1), 1, id(2), 1));
        for (int i = 0; i < 1000; i++) {
            state.pick(weights);
        }
        weights.put(id(3), 1);
        state.picks.clear();
        for (int i = 0; i < 300; i++) {
            state.pick(weights);
        }
        assertEquals(100, state.picks.get(id(3)));
    }

    @Test
    void changedWeightsTakeOverMidStream() {
        State state = new State();
        for (int i = 0; i < 1000; i++) {
            state.pick(Map.of(id(1), 1, id(2), 1));
        }
        state.picks.clear();
        for (int i = 0; i < 4000; i++) {
            state.pick(Map.of(id(1), 3, id(2), 1));
        }
        assertTrue(Math.abs(state.picks.get(id(1)) - 3000) <= 2, "got " + state.picks);
    }

    @Test
    void weightsBelowOneAndEmptyCandidatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WeightedRotation.Candidate(id(1), 0, null));
        assertThrows(IllegalArgumentException.class, () -> WeightedRotation.pick(List.of(), 0));
    }
}
