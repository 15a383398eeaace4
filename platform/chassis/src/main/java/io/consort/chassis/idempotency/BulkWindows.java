package io.consort.chassis.idempotency;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One bulk request's side of {@link BulkIdempotency}: the windows an earlier execution with the same
 * key committed, and the recording of this execution's. {@link #NONE} (no key) stores nothing.
 */
public final class BulkWindows {

    public static final BulkWindows NONE = new BulkWindows(null, null, null, null, new TreeMap<>());

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

    /** Stores a window's result lines; call inside the transaction that commits that window's lines. */
    public void record(int firstLine, byte[] resultLines) {
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
