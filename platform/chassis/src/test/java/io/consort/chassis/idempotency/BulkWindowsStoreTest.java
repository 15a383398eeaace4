package io.consort.chassis.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store's side of keyed bulk requests: windows, the renewed claim, and what a take-over does. */
@QuarkusTest
class BulkWindowsStoreTest {

    static final String ORIGIN = "bulk-store-test";
    static final String PATH = "/test/bulk";
    static final String HASH = BodyHash.sha256Hex("body".getBytes(StandardCharsets.UTF_8));

    @Inject
    IdempotencyStore store;

    @Inject
    AgroalDataSource dataSource;

    static byte[] lines(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    UUID own(String key) {
        return assertInstanceOf(Claim.Owned.class, store.claim(ORIGIN, key, "POST", PATH, HASH)).token();
    }

    void makeStale(String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update idempotency_keys set claimed_at = now() - interval '1 hour' where origin = ? and idempotency_key = ?")) {
            ps.setString(1, ORIGIN);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    @Test
    void recordedWindowsComeBackInInputOrder() {
        String key = "windows-" + UUID.randomUUID();
        UUID token = own(key);
        QuarkusTransaction.requiringNew().run(() -> store.recordWindow(ORIGIN, key, token, 201, lines("b\n")));
        QuarkusTransaction.requiringNew().run(() -> store.recordWindow(ORIGIN, key, token, 1, lines("a\n")));
        var windows = store.windows(ORIGIN, key);
        assertEquals(List.of(1, 201), List.copyOf(windows.keySet()));
        assertArrayEquals(lines("a\n"), windows.get(1));
        assertTrue(store.windows(ORIGIN, "no-such-" + key).isEmpty());
    }

    @Test
    void aWindowRenewsTheClaimSoARunningImportIsNotTakenOver() throws SQLException {
        String key = "renew-" + UUID.randomUUID();
        UUID token = own(key);
        makeStale(key);
        QuarkusTransaction.requiringNew().run(() -> store.recordWindow(ORIGIN, key, token, 1, lines("a\n")));
        assertInstanceOf(Claim.InProgress.class, store.claim(ORIGIN, key, "POST", PATH, HASH));
    }

    @Test
    void afterATakeOverTheFirstExecutionCannotStoreAWindow() throws SQLException {
        String key = "takeover-" + UUID.randomUUID();
        UUID first = own(key);
        makeStale(key);
        UUID second = own(key);
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> store.recordWindow(ORIGIN, key, first, 1, lines("first\n"))));
        assertTrue(KeyTakenOverException.causes(refused), refused.toString());
        assertTrue(store.windows(ORIGIN, key).isEmpty());
        QuarkusTransaction.requiringNew().run(() -> store.recordWindow(ORIGIN, key, second, 1, lines("second\n")));
        assertArrayEquals(lines("second\n"), store.windows(ORIGIN, key).get(1));
    }

    @Test
    void aWindowRollsBackWithItsBatch() {
        String key = "rollback-" + UUID.randomUUID();
        UUID token = own(key);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            store.recordWindow(ORIGIN, key, token, 1, lines("a\n"));
            throw new IllegalStateException("the batch failed");
        }));
        assertTrue(store.windows(ORIGIN, key).isEmpty());
    }

    @Test
    void aHandedOverClaimIsTakenOverAtOnceAndKeepsItsWindows() {
        String key = "handover-" + UUID.randomUUID();
        UUID first = own(key);
        QuarkusTransaction.requiringNew().run(() -> store.recordWindow(ORIGIN, key, first, 1, lines("a\n")));
        assertInstanceOf(Claim.InProgress.class, store.claim(ORIGIN, key, "POST", PATH, HASH));
        store.handOver(ORIGIN, key, first);
        UUID second = own(key);
        assertTrue(!second.equals(first));
        assertArrayEquals(lines("a\n"), store.windows(ORIGIN, key).get(1));
    }

    String expiredKeyWithAWindow(String prefix) throws SQLException {
        String key = prefix + UUID.randomUUID();
        UUID first = own(key);
        QuarkusTransaction.requiringNew().run(() -> store.recordWindow(ORIGIN, key, first, 1, lines("old\n")));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update idempotency_keys set created_at = now() - interval '30 days' where origin = ? and idempotency_key = ?")) {
            ps.setString(1, ORIGIN);
            ps.setString(2, key);
            ps.executeUpdate();
        }
        return key;
    }

    @Test
    void anExpiredKeysWindowsAreNotHandedToItsNextUse() throws SQLException {
        String key = expiredKeyWithAWindow("expired-");
        own(key);
        assertTrue(store.windows(ORIGIN, key).isEmpty());
    }

    @Test
    void purgingAnExpiredKeyTakesItsWindowsAlong() throws SQLException {
        String key = expiredKeyWithAWindow("purged-");
        assertTrue(store.purgeExpired() >= 1);
        assertTrue(store.windows(ORIGIN, key).isEmpty());
    }
}
