package io.consort.campaign.bench;

import io.consort.campaign.lead.LeadDeadlineSweep;
import io.consort.campaign.partner.PartnerFacts;
import io.consort.campaign.routing.RoutingPolicy;
import io.consort.campaign.routing.Rules;
import io.consort.campaign.routing.WeightedRotation;
import io.consort.campaign.Callers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * bench/campaign: routing decisions per second over 10,000 eligible partners, the largest deviation of
 * any partner's share from its weight after 100,000 leads, and acceptBy → re-route latency through the
 * real deadline sweep; each beside a raw baseline measured in the same run. Tagged "bench": only
 * bench/campaign/run.sh runs it.
 */
@QuarkusTest
@Tag("bench")
class CampaignBenchmark {

    static final int PARTNERS = Integer.getInteger("bench.partners", 10_000);
    static final int LEADS = Integer.getInteger("bench.leads", 100_000);
    static final int DECISIONS = Integer.getInteger("bench.decisions", 10_000);
    static final int OFFERS = Integer.getInteger("bench.offers", 200);
    static final Duration SWEEP_EVERY = Duration.ofMillis(Long.getLong("bench.sweepMillis", 1000));

    record Terms(List<String> leadRegions, List<String> leadSpecialisations, boolean matchRegion,
            boolean matchSpecialisation, int minTierRank, int capacity) implements RoutingPolicy.RuleTerms {
        static final Map<String, Integer> WEIGHTS = Map.of("REGISTERED", 1, "SILVER", 2, "GOLD", 3, "PLATINUM", 4);

        @Override
        public int weightOf(String tier) {
            return WEIGHTS.getOrDefault(tier, 1);
        }
    }

    @Inject
    LeadDeadlineSweep sweep;

    @Inject
    EntityManager em;

    @Test
    void run() throws Exception {
        StringBuilder out = new StringBuilder("\n=== Campaign benchmark ===\n");
        routing(out);
        System.out.println(out + "(routing done; deadline next)");
        deadline(out);
        out.append("=== end of campaign benchmark ===\n");
        System.out.println(out);
    }

    private void routing(StringBuilder out) {
        String[] tiers = { "REGISTERED", "SILVER", "GOLD", "PLATINUM" };
        Random random = new Random(1);
        List<RoutingPolicy.PartnerFacts> partners = new ArrayList<>(PARTNERS);
        for (int i = 0; i < PARTNERS; i++) {
            int rank = random.nextInt(4);
            partners.add(new RoutingPolicy.PartnerFacts(new UUID(0, i + 1), tiers[rank], rank, "EMEA", List.of("cloud")));
        }
        Terms rule = new Terms(List.of(), List.of(), true, true, 0, Integer.MAX_VALUE);
        Map<UUID, Long> passes = new HashMap<>();
        long clock = 0;
        // (a) Whole decisions as the router makes them: eligibility over every partner + the rotation's pick.
        for (int i = 0; i < 1_000; i++) {
            clock = decide(rule, partners, passes, null, clock); // warm-up
        }
        long started = System.nanoTime();
        for (int i = 0; i < DECISIONS; i++) {
            clock = decide(rule, partners, passes, null, clock);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // Baseline: the cheapest possible router, a random pick among the same candidates (no rules, no fairness).
        long baseStarted = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < DECISIONS; i++) {
            sink += partners.get(random.nextInt(partners.size())).partnerId().getLeastSignificantBits();
        }
        double baseSeconds = (System.nanoTime() - baseStarted) / 1e9;

        // (b) Fairness: LEADS leads through the same rotation over the same (unchanging) eligible partners.
        List<WeightedRotation.Candidate> candidates = new ArrayList<>(PARTNERS);
        Map<UUID, Integer> index = new HashMap<>();
        for (RoutingPolicy.Eligible e : RoutingPolicy.eligible(rule, "EMEA", "cloud", partners, Map.of(), Set.of())) {
            index.put(e.partner().partnerId(), candidates.size());
            candidates.add(new WeightedRotation.Candidate(e.partner().partnerId(), e.weight(), null));
        }
        Map<UUID, Integer> picks = new HashMap<>();
        long fairClock = 0;
        long fairStarted = System.nanoTime();
        for (int i = 0; i < LEADS; i++) {
            WeightedRotation.Pick pick = WeightedRotation.pick(candidates, fairClock);
            WeightedRotation.Candidate chosen = pick.candidate();
            candidates.set(index.get(chosen.partnerId()),
                    new WeightedRotation.Candidate(chosen.partnerId(), chosen.weight(), pick.newPass()));
            fairClock = pick.newClock();
            picks.merge(chosen.partnerId(), 1, Integer::sum);
        }
        double fairSeconds = (System.nanoTime() - fairStarted) / 1e9;

        long totalWeight = partners.stream().mapToLong(p -> rule.weightOf(p.tier())).sum();
        double worstAbsolute = 0;
        double worstRelative = 0;
        for (RoutingPolicy.PartnerFacts p : partners) {
            double expected = (double) LEADS * rule.weightOf(p.tier()) / totalWeight;
            double got = picks.getOrDefault(p.partnerId(), 0);
            worstAbsolute = Math.max(worstAbsolute, Math.abs(got - expected) / LEADS);
            worstRelative = Math.max(worstRelative, Math.abs(got - expected) / expected);
        }
        out.append(String.format("routing decisions/s, %,d eligible partners: %,.0f (eligibility + weighted rotation; "
                + "%,d decisions in %.2f s)%n", PARTNERS, DECISIONS / seconds, DECISIONS, seconds));
        out.append(String.format("  baseline, a random pick among the same partners: %,.0f picks/s (checksum %d)%n",
                DECISIONS / baseSeconds, sink & 0xff));
        out.append(String.format("share deviation after %,d leads over %,d partners (weights 1-4; rotation alone, %.1f s): "
                + "largest |share - weight share| = %.5f %% of all leads; largest relative to the partner's own "
                + "expected count = %.2f %% (expected counts %.1f-%.1f leads, so one lead is %.1f-%.1f %%)%n", LEADS,
                PARTNERS, fairSeconds, worstAbsolute * 100, worstRelative * 100, (double) LEADS / totalWeight,
                4.0 * LEADS / totalWeight, 100.0 * totalWeight / LEADS / 4, 100.0 * totalWeight / LEADS));
    }

    private static long decide(Terms rule, List<RoutingPolicy.PartnerFacts> partners, Map<UUID, Long> passes,
            Map<UUID, Integer> picks, long clock) {
        List<RoutingPolicy.Eligible> eligible = RoutingPolicy.eligible(rule, "EMEA", "cloud", partners, Map.of(), Set.of());
        List<WeightedRotation.Candidate> candidates = new ArrayList<>(eligible.size());
        for (RoutingPolicy.Eligible e : eligible) {
            candidates.add(new WeightedRotation.Candidate(e.partner().partnerId(), e.weight(), passes.get(e.partner().partnerId())));
        }
        WeightedRotation.Pick pick = WeightedRotation.pick(candidates, clock);
        passes.put(pick.candidate().partnerId(), pick.newPass());
        if (picks != null) {
            picks.merge(pick.candidate().partnerId(), 1, Integer::sum);
        }
        return pick.newClock();
    }

    /** Offers with a 1 s SLA through the API; a sweeper every SWEEP_EVERY, as the scheduled job runs; acceptBy → TIMED_OUT. */
    private void deadline(StringBuilder out) throws Exception {
        String region = Rules.region();
        for (int i = 0; i < 5; i++) {
            PartnerFacts.active(PartnerFacts.Profile.of(UUID.randomUUID(), region, "cloud"), "GOLD", 2);
        }
        Rules.create(region, 10_000, "PT1S", Map.of());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sweeper = new Thread(() -> {
            while (running.get()) {
                sweep.sweep();
                try {
                    Thread.sleep(SWEEP_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sweeper");
        sweeper.start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < OFFERS; i++) {
            ids.add(Callers.manager().body(Map.of("company", "Bench " + i, "region", region, "specialisation", "cloud"))
                    .post("/api/v1/leads").then().statusCode(201).extract().path("id"));
        }
        Thread.sleep(3_000 + SWEEP_EVERY.toMillis());
        running.set(false);
        sweeper.join();

        List<Long> delays = new ArrayList<>();
        for (String id : ids) {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    select extract(epoch from (t.at - o.at)) * 1000 - %d
                    , 0 from lead_routing_decisions o join lead_routing_decisions t on t.lead_id = o.lead_id
                    where o.lead_id = cast(?1 as uuid) and o.seq = 1 and t.seq = 2 and t.kind = 'TIMED_OUT'"""
                    .formatted(1000)).setParameter(1, id).getResultList().stream().findFirst().orElse(null));
            if (row != null) {
                delays.add(Math.round(((Number) row[0]).doubleValue()));
            }
        }
        delays.sort(Long::compare);
        // Baseline: one bare claim of due rows (the query the sweep starts with), timed on the same table.
        long claimStarted = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "select id from leads where state = 'OFFERED' and accept_by <= now() order by accept_by limit 100 for update skip locked")
                .getResultList());
        double claimMillis = (System.nanoTime() - claimStarted) / 1e6;
        out.append(String.format("acceptBy -> re-route (%d offers, SLA 1 s, sweep every %d ms): p50 %d ms, p99 %d ms, "
                + "max %d ms (timed out and re-offered: %d)%n", OFFERS, SWEEP_EVERY.toMillis(), pct(delays, 50),
                pct(delays, 99), delays.isEmpty() ? -1 : delays.get(delays.size() - 1), delays.size()));
        out.append(String.format("  baseline, one bare FOR UPDATE SKIP LOCKED claim on the same table: %.1f ms%n", claimMillis));
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
