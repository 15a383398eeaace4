package io.consort.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.bench.load.LoadGenerator;
import io.consort.systemtests.SuiteStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole mix for a while (60 s here, 10 minutes from bench/faults/run.sh) after a warm-up: no error
 * answer, every component's resident memory at the end within 10 % of what it was after the warm-up,
 * and the outboxes keep up (sampled while the traffic runs, and empty once it stops).
 */
class SustainedLoadIT {

    private static final List<String> COMPONENTS = List.of("recruitment", "community", "campaign", "performance", "integration", "gateway");

    @Test
    void theMixRunsWithoutErrorsGrowingMemoryOrOutboxLag() throws Exception {
        SuiteStack stack = SuiteStack.get();
        FaultKit.awaitReady(stack, Duration.ofMinutes(3));
        double rate = Double.parseDouble(System.getProperty("consort.faults.rate", FaultKit.FULL ? "10" : "5"));
        Duration warmUp = Duration.ofSeconds(FaultKit.size(30, 90));
        Duration sustained = Duration.ofSeconds(FaultKit.size(60, 600));
        LoadGenerator load = new LoadGenerator(BrokerDownIT.Traffic.config(stack, rate, sustained, LoadGenerator.Config.defaultWeights()));
        load.setUp();
        EventAudit audit = new EventAudit(stack);
        audit.awaitDelivered(Duration.ofMinutes(2)); // campaign knows the setup's partners before deals name them

        LoadGenerator.Report warm = load.run(warmUp);
        Map<String, Long> rssWarm = rss(stack);
        List<Long> unsentSamples = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                long unsent = 0;
                for (String service : FaultKit.SERVICES) {
                    unsent += FaultKit.count(stack, service, "select count(*) from outbox where sent_at is null and parked_at is null");
                }
                synchronized (unsentSamples) {
                    unsentSamples.add(unsent);
                }
            } catch (Exception e) {
                synchronized (unsentSamples) {
                    unsentSamples.add(-1L);
                }
            }
        }, 5, 10, TimeUnit.SECONDS);
        LoadGenerator.Report report = load.run(sustained);
        sampler.shutdownNow();
        load.close();
        EventAudit.Figures events = audit.awaitDelivered(Duration.ofMinutes(3));
        Map<String, Long> rssEnd = rss(stack);
        warm.print(System.out);
        report.print(System.out);
        StringBuilder memory = new StringBuilder();
        List<String> grown = new ArrayList<>();
        rssWarm.forEach((c, kb) -> {
            long end = rssEnd.get(c);
            if (kb < 0 || end < 0) { // not a process of this machine (a stack attached on a cluster): no figure
                memory.append(c).append(" unknown; ");
                return;
            }
            memory.append(c).append(' ').append(kb / 1024).append("->").append(end / 1024).append(" MB; ");
            if (end > kb * 1.10) {
                grown.add(c + " " + kb / 1024 + " MB -> " + end / 1024 + " MB");
            }
        });
        FaultKit.report("sustained load", String.format("%.1f requests/s for %d s after a %d s warm-up: requests %d, error answers %d (of which 429 rate limit %d), "
                + "not started (in-flight cap) %d, RSS after warm-up -> end: %s unsent outbox rows every 10 s: %s, %s", rate,
                sustained.toSeconds(), warmUp.toSeconds(), report.requests(), report.errorAnswers(), report.throttled(), report.dropped(), memory,
                unsentSamples, events));

        assertEquals(0, warm.errorAnswers() - warm.throttled() + report.errorAnswers() - report.throttled(),
                "no error answer (but the public applications' rate limit, 429 with Retry-After, from one address)");
        assertTrue(grown.isEmpty(), "RSS within 10 % of the post-warm-up figure: " + grown);
        assertEquals(0, events.lost(), events.toString());
        assertEquals(0, events.duplicated(), events.toString());
        assertEquals(0, events.unsent(), "the outboxes drain once the traffic stops: " + events);
        assertTrue(unsentSamples.stream().noneMatch(n -> n < 0), "every outbox sample could be read");
        int half = unsentSamples.size() / 2;
        if (half > 0) {
            long firstHalf = unsentSamples.subList(0, half).stream().mapToLong(Long::longValue).max().orElse(0);
            long secondHalf = unsentSamples.subList(half, unsentSamples.size()).stream().mapToLong(Long::longValue).max().orElse(0);
            // Lag that grows shows as a backlog in the second half far above the first's; a few rows is one poll's worth.
            assertTrue(secondHalf <= Math.max(2 * firstHalf, 50), "outbox backlog grew: " + unsentSamples);
        }
    }

    private static Map<String, Long> rss(SuiteStack stack) {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String c : COMPONENTS) {
            rss.put(c, stack.rssKb(c));
        }
        return rss;
    }
}
