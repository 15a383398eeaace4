package io.consort.chassis.idempotency;

import io.consort.chassis.security.CallerScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.SortedMap;
import java.util.UUID;

/**
 * {@code Idempotency-Key} for streamed NDJSON bulk POSTs, which {@link IdempotencyFilter} passes by:
 * their batches commit one by one, so one stored answer written at the end could not be exactly-once.
 *
 * <p>Instead each committed batch stores its result lines (a "window", keyed by its first input line)
 * in its own transaction ({@link BulkWindows#commit}). A retry with the same key and body replays the
 * stored windows and stores only the batches that never committed, so every line takes effect once;
 * once the whole import has run, the key is COMPLETED and a retry is a pure replay. The same key with
 * another body answers 422, and while an import runs a retry answers 409 (each committed batch renews
 * the claim, so a running import is not taken over; one that stopped is, after the pending timeout).
 * Batches must be cut the same way from the same body, which the bulk endpoints do.
 */
@ApplicationScoped
public class BulkIdempotency {

    @Inject
    IdempotencyConfig config;

    @Inject
    IdempotencyStore store;

    @Inject
    CallerScope caller;

    /**
     * Claims {@code key} (may be null: no deduplication) for this request, whose body has SHA-256
     * {@code bodyHash}. Throws a 422 or 409 problem when the key is used by another or a running request.
     */
    public BulkWindows start(String key, UriInfo uri, String bodyHash) {
        if (key == null || !config.enabled()) {
            return BulkWindows.NONE;
        }
        String origin = caller.origin();
        Claim claim = store.claim(origin, key, "POST", IdempotencyFilter.target(uri), bodyHash)
                .orRefuse("An import with this Idempotency-Key is still running");
        SortedMap<Integer, byte[]> stored = store.windows(origin, key);
        // A replayed (completed) import has no token: it stores nothing and streams the stored windows.
        UUID token = claim instanceof Claim.Owned owned ? owned.token() : null;
        return new BulkWindows(store, origin, key, token, stored);
    }
}
