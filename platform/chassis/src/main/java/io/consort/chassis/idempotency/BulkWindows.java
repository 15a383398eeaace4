package io.consort.chassis.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * One bulk request's side of {@link BulkIdempotency}: the windows an earlier execution with the same
 * key committed, and the recording of this execution's. {@link #NONE} (no key) stores nothing.
 */
public final class BulkWindows {

    public static final BulkWindows NONE = new BulkWindows(null, null, null, null, new TreeMap<>());

    /** How long one window's transaction may take. */
    static final int WINDOW_TIMEOUT_SECONDS = 120;

    private final IdempotencyStore store;
    private final String origin;
    private final String key;
    private final UUID token;
    private final SortedMap<Integer, byte[]> stored;
    private volatile boolean recorded;

    BulkWindows(IdempotencyStore store, String origin, String key, UUID token, SortedMap<Integer, byte[]> stored) {
        this.store = store;
        this.origin = origin;
        this.key = key;
        this.token = token;
        this.stored = stored;
    }

    /** Whether the whole answer is stored (a completed earlier import): stream it with {@link #replay}. */
    public boolean completed() {
        return store != null && token == null;
    }

    /** Whether any of the answer comes from an earlier execution (header {@code Idempotent-Replayed}). */
    public boolean replaying() {
        return !stored.isEmpty();
    }

    /** The result lines an earlier execution committed for the window starting at {@code firstLine}, or null. */
    public byte[] stored(int firstLine) {
        return stored.get(firstLine);
    }

    /** The result lines of a window whose batch the database refused, and whatever else that takes. */
    @FunctionalInterface
    public interface Refused {
        byte[] resultLines(RuntimeException failure) throws Exception;
    }

    /**
     * Commits one window in a transaction of its own: {@code batch} stores the window's lines and
     * answers their result lines, which are recorded with them. If that transaction fails (other than by
     * a take-over, which stops the import), {@code refused} answers the result lines instead, outside
     * any transaction (it may store lines one by one), and they are recorded on their own.
     */
    public byte[] commit(int firstLine, Callable<byte[]> batch, Refused refused) {
        try {
            return QuarkusTransaction.requiringNew().timeout(WINDOW_TIMEOUT_SECONDS).call(() -> {
                byte[] lines = batch.call();
                record(firstLine, lines);
                return lines;
            });
        } catch (RuntimeException failure) {
            if (KeyTakenOverException.causes(failure)) {
                throw failure;
            }
            byte[] lines;
            try {
                lines = refused.resultLines(failure);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot answer a refused bulk batch", e);
            }
            if (token != null) {
                QuarkusTransaction.requiringNew().run(() -> record(firstLine, lines));
            }
            return lines;
        }
    }

    private void record(int firstLine, byte[] resultLines) {
        if (token != null) {
            store.recordWindow(origin, key, token, firstLine, resultLines);
            recorded = true;
        }
    }

    /** The import ran to its end: later retries replay it whole. */
    public void complete() {
        if (token != null) {
            store.complete(origin, key, token, new StoredResponse(200, Map.of(), "application/x-ndjson", new byte[0]));
        }
    }

    /**
     * The import stopped early (the client went away, the database failed). With nothing stored the key
     * is let go, so a retry runs afresh; else a retry may take it over at once and resumes after the
     * stored windows.
     */
    public void abandon() {
        if (token == null) {
            return;
        }
        if (!recorded && stored.isEmpty()) {
            store.release(origin, key, token);
        } else {
            store.handOver(origin, key, token);
        }
    }

    /** Writes the stored answer of a completed import, in input order. */
    public void replay(OutputStream out) throws IOException {
        for (byte[] window : stored.values()) {
            out.write(window);
        }
        out.flush();
    }
}
