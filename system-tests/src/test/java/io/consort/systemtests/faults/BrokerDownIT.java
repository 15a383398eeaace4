package io.consort.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.bench.load.LoadGenerator;
import io.consort.systemtests.SuiteStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The broker down for 30 s while the mix of writes and reads flows: every request still succeeds (the
 * events wait in the outboxes), and once the broker is back every consumer holds every event once, with
 * no dead letter.
 */
class BrokerDownIT {

    @Test
    void writesKeepSucceedingAndEveryEventArrivesOnceTheBrokerIsBack() throws Exception {
        SuiteStack stack = SuiteStack.get();
        FaultKit.awaitReady(stack, Duration.ofMinutes(3));
        Duration outage = Duration.ofSeconds(30);
        LoadGenerator load = new LoadGenerator(Traffic.config(stack, FaultKit.size(4, 10), outage.plusSeconds(10), Traffic.kafkaFreeMix()));
        load.setUp();
        EventAudit audit = new EventAudit(stack);
        audit.awaitDelivered(Duration.ofMinutes(2)); // the setup's partners are known everywhere before the outage
        long deadLettersBefore = FaultKit.deadLetters(stack);

        CompletableFuture<LoadGenerator.Report> traffic = CompletableFuture.supplyAsync(() -> Traffic.run(load, outage.plusSeconds(10)));
        Thread.sleep(5_000);
        stack.stopComponent("kafka");
        long down = System.nanoTime();
        Thread.sleep(outage.toMillis());
        long unsentWhileDown = FaultKit.count(stack, "recruitment", "select count(*) from outbox where sent_at is null");
        stack.restartMissing();
        long up = System.nanoTime();
        LoadGenerator.Report report = traffic.get();
        load.close();
        EventAudit.Figures events = audit.awaitDelivered(Duration.ofMinutes(FaultKit.FULL ? 10 : 4));
        Duration drained = Duration.ofNanos(System.nanoTime() - up);
        long deadLetters = FaultKit.deadLetters(stack) - deadLettersBefore;
        report.print(System.out);
        FaultKit.report("broker down " + outage.toSeconds() + " s", "requests " + report.requests() + ", error answers "
                + report.errorAnswers() + " (of which 429 rate limit " + report.throttled() + "), recruitment outbox rows waiting at the end of the outage " + unsentWhileDown + ", "
                + events + ", new dead letters " + deadLetters + ", broker down for "
                + FaultKit.seconds(Duration.ofNanos(up - down)) + ", outboxes drained " + FaultKit.seconds(drained)
                + " after the restart began");

        assertEquals(0, report.errorAnswers() - report.throttled(),
                "every request answered 2xx while the broker was down (but the public rate limit's 429 with Retry-After)");
        assertTrue(report.requests() > 0);
        assertEquals(0, events.lost(), events.toString());
        assertEquals(0, events.duplicated(), events.toString());
        assertEquals(0, events.unsent(), events.toString());
        assertEquals(0, events.parked(), events.toString());
        assertEquals(0, deadLetters, "no dead letter");
    }

    /** The traffic of the scenarios: bench/load's generator with a mix for each. */
    static final class Traffic {
        private Traffic() {
        }

        static LoadGenerator.Config config(SuiteStack stack, double rate, Duration duration, Map<String, Integer> mix) {
            return new LoadGenerator.Config(stack.gateway(), stack.keycloak(), rate, duration, 10, 200, 32, mix);
        }

        /** Writes and reads that need no event to have arrived: what must keep working without a broker. */
        static Map<String, Integer> kafkaFreeMix() {
            Map<String, Integer> mix = new LinkedHashMap<>(LoadGenerator.Config.defaultWeights());
            mix.put("getScorecard", 0);          // a partner created during the outage has none until its event arrives
            mix.put("createDealRegistration", 0); // campaign learns of new partners from events
            mix.put("importProspects", 0);
            return mix;
        }

        static LoadGenerator.Report run(LoadGenerator load, Duration duration) {
            try {
                return load.run(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
