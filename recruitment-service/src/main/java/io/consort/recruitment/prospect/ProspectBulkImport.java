package io.consort.recruitment.prospect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consort.chassis.idempotency.BulkIdempotency;
import io.consort.chassis.idempotency.BulkWindows;
import io.consort.chassis.problem.Problem.FieldError;
import io.consort.recruitment.prospect.ProspectRules.ValidProspect;
import io.consort.chassis.bulk.BulkLineResult;
import io.consort.chassis.bulk.Ndjson;
import io.consort.chassis.bulk.NdjsonWindows;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.List;
import java.util.Map;
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
        private long parseNanos;
        private final long started = System.nanoTime();

        Run(String origin, BulkWindows windows, OutputStream out) {
            this.origin = origin;
            this.windows = windows;
            this.out = out;
        }

        void run(Path spool) throws IOException {
            try {
                // Keys span windows: several are stored at once, so a line naming an id of any window not yet
                // committed waits (the clash drains them all) and then finds its prospect.
                NdjsonWindows.read(spool, BATCH_SIZE, true, this::parse, window -> {
                    submit(window);
                    if (window.clash()) {
                        drain(0);
                    }
                });
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

        private NdjsonWindows.Parsed<ProspectBatchWriter.Row> parse(int number, String text) {
            long parseStarted = System.nanoTime();
            ProspectRules.Result checked = ProspectBulkImport.this.parse(text);
            parseNanos += System.nanoTime() - parseStarted;
            if (!checked.valid()) {
                return NdjsonWindows.Parsed.failed(new BulkLineResult(number, "FAILED", null, checked.errors()));
            }
            ValidProspect prospect = checked.prospect();
            List<String> keys = new ArrayList<>(prospect.externalIds().size());
            for (Map.Entry<String, String> key : prospect.externalIds().entrySet()) {
                keys.add(key.getKey() + '\u0000' + key.getValue());
            }
            return NdjsonWindows.Parsed.of(new ProspectBatchWriter.Row(number, prospect), keys);
        }

        /**
         * A window: its lines are stored by a writer, or, if an earlier execution with the same
         * Idempotency-Key committed it, replayed from there.
         */
        private void submit(NdjsonWindows.Window<ProspectBatchWriter.Row> window) throws IOException {
            List<ProspectBatchWriter.Row> rows = window.values();
            List<BulkLineResult> lines = window.results();
            int first = window.firstLine();
            byte[] stored = windows.stored(first);
            Future<byte[]> written = stored != null ? CompletableFuture.completedFuture(stored)
                    : writers.submit(() -> store(first, rows, lines));
            inFlight.add(new Pending(written));
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
