package io.consort.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.systemtests.SuiteStack;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of recruitment in the middle of an NDJSON bulk upsert of partners, then its restart
 * through {@code ./prm up}: the client's retry with the same Idempotency-Key completes the import, every
 * line is stored exactly once, and every event (each new partner's onboarding-started, ...) reaches
 * performance and the other consumers exactly once.
 */
class ServiceKilledMidImportIT {

    @Test
    void theRetryCompletesTheImportAndEveryEventArrivesOnce() throws Exception {
        SuiteStack stack = SuiteStack.get();
        FaultKit.awaitReady(stack, Duration.ofMinutes(3));
        // The partner bulk writes 5,000 lines per transaction (PartnerBulkUpsert.BATCH_SIZE), so the short form
        // needs two of them: the kill comes once the first has committed, while the second is in flight.
        int lines = FaultKit.size(10_000, 50_000);
        String tag = "kill9-" + UUID.randomUUID().toString().substring(0, 8);
        String manager = stack.token("manager", "manager-pw");
        String integrator = stack.clientToken("consort-integrator", "integrator-secret");
        String programId = FaultKit.program(stack, manager, "Faults " + tag);
        HttpRequest bulk = FaultKit.partnerImport(stack, integrator, tag, programId, lines);
        long deadLettersBefore = FaultKit.deadLetters(stack);

        CompletableFuture<HttpResponse<String>> first = FaultKit.HTTP.sendAsync(bulk, HttpResponse.BodyHandlers.ofString());
        long storedAtKill = awaitStored(stack, tag, Math.max(1, lines / 5), first);
        long killedAt = System.nanoTime();
        stack.kill9("recruitment");
        String firstOutcome;
        try {
            HttpResponse<String> answer = first.get();
            firstOutcome = "HTTP " + answer.statusCode() + " with " + answer.body().lines().count() + " result lines";
        } catch (Exception e) {
            firstOutcome = "no complete answer (" + e.getCause() + ")";
        }
        stack.restartMissing();
        FaultKit.awaitReady(stack, Duration.ofMinutes(3));
        Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);

        HttpResponse<String> retry = FaultKit.sendRetrying(bulk, Duration.ofMinutes(4));
        List<String> results = retry.body().lines().toList();
        long failedLines = results.stream().filter(l -> !l.contains("\"CREATED\"") && !l.contains("\"UPDATED\"")).count();

        List<UUID> ids = FaultKit.importedPartners(stack, tag);
        long stored = ids.size();
        long distinct = ids.stream().distinct().count();

        EventAudit.Figures events = new EventAudit(stack).awaitDelivered(Duration.ofMinutes(FaultKit.FULL ? 15 : 4));
        long scorecards = FaultKit.scorecards(stack, ids);
        long deadLetters = FaultKit.deadLetters(stack) - deadLettersBefore;
        FaultKit.report("recruitment kill -9 mid bulk import", "lines " + lines + ", stored when killed " + storedAtKill
                + ", first attempt: " + firstOutcome + ", retry HTTP " + retry.statusCode() + " with " + results.size()
                + " result lines (" + failedLines + " not CREATED/UPDATED), partners stored " + stored + " (distinct " + distinct
                + "), scorecards in performance " + scorecards + ", " + events + ", new dead letters " + deadLetters
                + ", recovery (kill to ready) " + FaultKit.seconds(recovery));

        assertEquals(200, retry.statusCode(), retry.body().lines().limit(3).toList().toString());
        assertEquals(lines, results.size(), "one result line per input line");
        assertEquals(0, failedLines);
        assertEquals(lines, stored, "every line stored");
        assertEquals(lines, distinct, "no line stored twice");
        assertEquals(lines, scorecards, "every partner's onboarding-started reached performance once");
        assertEquals(0, events.lost(), events.toString());
        assertEquals(0, events.duplicated(), events.toString());
        assertEquals(0, events.unsent(), events.toString());
        assertEquals(0, deadLetters);
        assertTrue(storedAtKill < lines, "the kill came before the import had finished (stored " + storedAtKill + ")");
    }

    /** Waits until at least {@code atLeast} lines of the import are committed (or the import has answered). */
    private static long awaitStored(SuiteStack stack, String tag, long atLeast, CompletableFuture<?> request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection c = stack.database("recruitment");
                PreparedStatement s = c.prepareStatement("select count(*) from partners where name like ?")) {
            s.setString(1, "Faults " + tag + " %");
            while (true) {
                long n;
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    n = r.getLong(1);
                }
                if (n >= atLeast || request.isDone() || System.nanoTime() > deadline) {
                    return n;
                }
                Thread.sleep(50);
            }
        }
    }
}
