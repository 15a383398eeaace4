package io.consort.recruitment.prospect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.idempotency.BulkIdempotency;
import io.consort.chassis.idempotency.BulkWindows;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.recruitment.prospect.ProspectRules.ValidProspect;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.chassis.bulk.Ndjson;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The NDJSON bulk import. The body is first spooled to a temporary file while its lines are counted,
 * so an oversized import is refused (413) before anything is stored and the body is never held in
 * memory; then the lines are parsed and validated in Java and stored in batches, each batch in its
 * own transaction through {@link ProspectBatchWriter} (COPY, set-based statements). Result lines are
 * streamed back as each batch commits.
 */
@ApplicationScoped
public class ProspectBulkImport {

    public static final int MAX_LINES = Ndjson.MAX_LINES;
    static final int BATCH_SIZE = 5_000;
    /** Batches stored at the same time, per import and in all (the writer pool is shared). */
    static final int WRITERS = 3;

    private static final Logger LOG = Logger.getLogger(ProspectBulkImport.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    ProspectBatchWriter writer;

    @Inject
    BulkIdempotency idempotency;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, task -> {
        Thread thread = new Thread(task, "prospect-import-writer");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    public Response importLines(InputStream body, String origin, String idempotencyKey, UriInfo uri) {
        return Ndjson.respond(body, "prospects-", idempotency, idempotencyKey, uri,
                (spool, windows, out) -> new Run(origin, windows, out).run(spool));
    }

    /** A window handed to a writer thread (or replayed from an earlier execution): its result lines to come. */
    private record Pending(Future<byte[]> lines) {
    }

    /**
     * One import. Parsing runs on the request thread while up to {@link #WRITERS} batches are stored
     * concurrently (each in its own transaction and connection); result lines are written in input
     * order as the oldest batch completes. A line naming an external id that a batch not yet committed
     * also names waits for that batch, so the second finds the first's prospect and updates it.
     */
    private final class Run {

        private final String origin;
        private final BulkWindows windows;
        private final OutputStream out;
        private final Deque<Pending> inFlight = new ArrayDeque<>();
        private final Set<String> keys = new HashSet<>();
        private List<BulkLineResult> results = new ArrayList<>(BATCH_SIZE);
        private List<ProspectBatchWriter.Row> batch = new ArrayList<>(BATCH_SIZE);
        private long parseNanos;
        private final long started = System.nanoTime();

        Run(String origin, BulkWindows windows, OutputStream out) {
            this.origin = origin;
            this.windows = windows;
            this.out = out;
        }

        void run(Path spool) throws IOException {
            try (BufferedReader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                String text;
                int lineNumber = 0;
                while ((text = reader.readLine()) != null) {
                    lineNumber++;
                    if (text.isBlank()) {
                        continue;
                    }
                    long parseStarted = System.nanoTime();
                    ProspectRules.Result checked = parse(text);
                    parseNanos += System.nanoTime() - parseStarted;
                    if (!checked.valid()) {
                        results.add(new BulkLineResult(lineNumber, "FAILED", null, checked.errors()));
                        continue;
                    }
                    ValidProspect prospect = checked.prospect();
                    boolean clash = false;
                    for (Map.Entry<String, String> key : prospect.externalIds().entrySet()) {
                        clash |= keys.contains(key.getKey() + '\u0000' + key.getValue());
                    }
                    if (clash) {
                        submit();
                        drain(0);
                        keys.clear();
                    } else if (batch.size() >= BATCH_SIZE) {
                        submit();
                    }
                    for (Map.Entry<String, String> key : prospect.externalIds().entrySet()) {
                        keys.add(key.getKey() + '\u0000' + key.getValue());
                    }
                    batch.add(new ProspectBatchWriter.Row(lineNumber, prospect));
                    results.add(null); // filled in when the batch is written
                }
                submit();
                drain(0);
            } finally {
                // An aborted answer (client gone) must not leave writers running on behalf of nobody.
                for (Pending pending : inFlight) {
                    pending.lines().cancel(false);
                }
            }
            out.flush();
            LOG.debugf("imported lines in %d ms, %d ms of it parsing and validating",
                    (System.nanoTime() - started) / 1_000_000, parseNanos / 1_000_000);
        }

        /**
         * Ends the window being gathered: its lines are stored by a writer, or, if an earlier execution
         * with the same Idempotency-Key committed it, replayed from there. A window is cut where a batch
         * is, so the same body always gives the same windows.
         */
        private void submit() throws IOException {
            if (results.isEmpty()) {
                return;
            }
            List<ProspectBatchWriter.Row> rows = batch;
            List<BulkLineResult> lines = results;
            // In input order: a FAILED line as it is, a stored line as null with its row next in the batch.
            int first = lines.get(0) != null ? lines.get(0).line() : rows.get(0).line();
            byte[] stored = windows.stored(first);
            Future<byte[]> written = stored != null ? CompletableFuture.completedFuture(stored)
                    : writers.submit(() -> store(first, rows, lines));
            inFlight.add(new Pending(written));
            results = new ArrayList<>(BATCH_SIZE);
            batch = new ArrayList<>(BATCH_SIZE);
            drain(WRITERS);
        }

        /** Writes out completed batches, oldest first, until at most {@code keep} are in flight. */
        private void drain(int keep) throws IOException {
            while (!inFlight.isEmpty() && (inFlight.size() > keep || inFlight.peek().lines().isDone())) {
                Pending pending = inFlight.poll();
                try {
                    out.write(pending.lines().get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while storing prospects", e);
                } catch (ExecutionException e) {
                    throw new IOException("storing prospects failed", e.getCause());
                }
                out.flush();
            }
        }

        /** Stores a window's prospects and its result lines in one transaction; the result lines. */
        private byte[] store(int first, List<ProspectBatchWriter.Row> rows, List<BulkLineResult> lines) {
            AtomicBoolean refused = new AtomicBoolean();
            byte[] written = windows.commit(first,
                    () -> Ndjson.render(mapper, lines, rows.isEmpty() ? List.of() : writer.write(rows, origin)),
                    failure -> {
                        // A concurrent import claimed one of these external ids, or the database failed: this
                        // batch is lost, the lines before and after it are not.
                        refused.set(true);
                        LOG.warnf(failure, "a prospect import batch of %d lines failed", rows.size());
                        List<BulkLineResult> failed = new ArrayList<>(rows.size());
                        for (ProspectBatchWriter.Row row : rows) {
                            failed.add(new BulkLineResult(row.line(), "FAILED", null, List.of(new FieldError("",
                                    "could not be stored (conflicting concurrent change); send the line again"))));
                        }
                        return Ndjson.render(mapper, lines, failed);
                    });
            if (!rows.isEmpty() && !refused.get()) {
                try {
                    writer.announceChange();
                } catch (RuntimeException e) {
                    // The batch is stored; only the recommendations may lag until the next change.
                    LOG.warn("could not announce imported prospects to the recommendations", e);
                }
            }
            return written;
        }
    }

    private ProspectRules.Result parse(String line) {
        try {
            return ProspectRules.check(mapper.readValue(line, ProspectRequest.class));
        } catch (JsonProcessingException e) {
            return new ProspectRules.Result(null, Ndjson.errorsOf(e));
        }
    }
}
