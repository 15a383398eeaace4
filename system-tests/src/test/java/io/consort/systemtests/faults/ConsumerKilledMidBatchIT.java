package io.consort.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.systemtests.SuiteStack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * performance killed with {@code kill -9} while it works through a backlog of partner events: stopped
 * first, so a bulk import's events pile up; started, and killed again once it has processed part of
 * them, then started for good. No event is skipped and none applied twice.
 */
class ConsumerKilledMidBatchIT {

    @Test
    void noEventIsSkippedOrAppliedTwice() throws Exception {
        SuiteStack stack = SuiteStack.get();
        FaultKit.awaitReady(stack, Duration.ofMinutes(3));
        int lines = FaultKit.size(2_000, 20_000);
        String tag = "consumer-" + UUID.randomUUID().toString().substring(0, 8);
        String manager = stack.token("manager", "manager-pw");
        String integrator = stack.clientToken("consort-integrator", "integrator-secret");
        String programId = FaultKit.program(stack, manager, "Faults " + tag);
        EventAudit audit = new EventAudit(stack);
        audit.awaitDelivered(Duration.ofMinutes(2));
        long deadLettersBefore = FaultKit.deadLetters(stack);
        long factsBefore = FaultKit.count(stack, "performance", "select count(*) from partner_fact");

        stack.kill9("performance");
        HttpResponse<String> imported = FaultKit.sendRetrying(FaultKit.partnerImport(stack, integrator, tag, programId, lines),
                Duration.ofMinutes(2));
        assertEquals(200, imported.statusCode(), imported.body().lines().limit(3).toList().toString());
        stack.restartMissing();
        long restarted = System.nanoTime();
        long target = factsBefore + Math.max(1, lines / 10);
        long factsAtKill;
        while ((factsAtKill = FaultKit.count(stack, "performance", "select count(*) from partner_fact")) < target
                && System.nanoTime() - restarted < Duration.ofMinutes(3).toNanos()) {
            Thread.sleep(20);
        }
        stack.kill9("performance");
        long killed = System.nanoTime();
        stack.restartMissing();
        EventAudit.Figures events = audit.awaitDelivered(Duration.ofMinutes(FaultKit.FULL ? 10 : 4));
        Duration recovery = Duration.ofNanos(System.nanoTime() - killed);
        List<UUID> partners = FaultKit.importedPartners(stack, tag);
        long scorecards = FaultKit.scorecards(stack, partners);
        long deadLetters = FaultKit.deadLetters(stack) - deadLettersBefore;
        long factsAfter = FaultKit.count(stack, "performance", "select count(*) from partner_fact");
        FaultKit.report("performance kill -9 mid batch", "partners imported " + partners.size() + ", performance facts when killed "
                + (factsAtKill - factsBefore) + " new of " + (factsAfter - factsBefore) + ", scorecards " + scorecards + ", " + events + ", new dead letters " + deadLetters
                + ", kill to every event consumed " + FaultKit.seconds(recovery));

        assertEquals(lines, partners.size());
        assertTrue(factsAtKill < factsAfter, "killed while events were still waiting");
        assertEquals(lines, scorecards, "one scorecard per partner");
        assertEquals(0, events.lost(), events.toString());
        assertEquals(0, events.duplicated(), events.toString());
        assertEquals(0, events.unsent(), events.toString());
        assertEquals(0, deadLetters);
    }
}
