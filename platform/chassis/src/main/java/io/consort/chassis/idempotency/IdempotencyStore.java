package io.consort.chassis.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code idempotency_keys} table. Claims and releases run on their own auto-committed statements
 * (they must be visible to concurrent retries at once); {@link #complete} runs on the connection of
 * the request's JTA transaction, so the answer commits exactly when the endpoint's effect does.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private static final String DELETE_EXPIRED_KEY = """
            with expired as (
              delete from idempotency_keys where origin = ? and idempotency_key = ? and created_at < ?
              returning origin, idempotency_key)
            delete from idempotency_bulk_windows w using expired e
            where w.origin = e.origin and w.idempotency_key = e.idempotency_key""";
    private static final String PURGE_EXPIRED = """
            with expired as (
              delete from idempotency_keys where created_at < ? returning origin, idempotency_key),
            windows as (
              delete from idempotency_bulk_windows w using expired e
              where w.origin = e.origin and w.idempotency_key = e.idempotency_key returning 1)
            select (select count(*) from expired), (select count(*) from windows)""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotencyConfig config;

    public Claim claim(String origin, String key, String method, String path, String hash) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            // An expired key is as good as absent; a bulk request's windows go with it, so they are never
            // replayed to the next request that uses the same key.
            try (PreparedStatement ps = c.prepareStatement(DELETE_EXPIRED_KEY)) {
                ps.setString(1, origin);
                ps.setString(2, key);
                ps.setTimestamp(3, Timestamp.from(now.minus(config.ttl())));
                ps.executeUpdate();
            }
            UUID token = UUID.randomUUID();
            // The primary key makes the insert the lock: of two concurrent duplicates exactly one inserts.
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into idempotency_keys (origin, idempotency_key, request_method, request_path, request_hash,
                        state, claim_token, claimed_at, created_at)
                    values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
                    on conflict (origin, idempotency_key) do nothing""")) {
                ps.setString(1, origin);
                ps.setString(2, key);
                ps.setString(3, method);
                ps.setString(4, path);
                ps.setString(5, hash);
                ps.setObject(6, token);
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                if (ps.executeUpdate() == 1) {
                    return new Claim.Owned(token);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select request_method, request_path, request_hash, state, claim_token, claimed_at,
                        response_status, response_headers, response_type, response_body
                    from idempotency_keys where origin = ? and idempotency_key = ?""")) {
                ps.setString(1, origin);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        // Deleted between our insert and select (released or purged): the client may retry.
                        return new Claim.InProgress();
                    }
                    if (!rs.getString(1).equals(method) || !rs.getString(2).equals(path) || !rs.getString(3).equals(hash)) {
                        return new Claim.Mismatch();
                    }
                    if ("COMPLETED".equals(rs.getString(4))) {
                        return new Claim.Replay(new StoredResponse(rs.getInt(7), headers(rs.getString(8)),
                                rs.getString(9), rs.getBytes(10)));
                    }
                    UUID previous = rs.getObject(5, UUID.class);
                    Instant claimedAt = rs.getTimestamp(6).toInstant();
                    if (claimedAt.isAfter(now.minus(config.pendingTimeout()))) {
                        return new Claim.InProgress();
                    }
                    return takeOver(c, origin, key, previous, rs.getTimestamp(6), token, now);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key store failed", e);
        }
    }

    /**
     * A PENDING row past its timeout: its execution crashed or is hopelessly slow. Swapping the token
     * means that execution's {@link #complete} will match no row and roll its effect back, so at most
     * one execution ever commits.
     */
    private Claim takeOver(Connection c, String origin, String key, UUID previous, Timestamp previousClaim,
            UUID token, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update idempotency_keys set claim_token = ?, claimed_at = ?
                where origin = ? and idempotency_key = ? and state = 'PENDING' and claim_token = ?
                    and claimed_at = ?""")) {
            ps.setObject(1, token);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, origin);
            ps.setString(4, key);
            ps.setObject(5, previous);
            ps.setTimestamp(6, previousClaim);
            return ps.executeUpdate() == 1 ? new Claim.Owned(token) : new Claim.InProgress();
        }
    }

    /**
     * Stores the answer; must run inside the request's transaction. Returns false when this execution
     * no longer owns the key (taken over), in which case the caller must roll back.
     */
    public boolean complete(String origin, String key, UUID token, StoredResponse response) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update idempotency_keys set state = 'COMPLETED', response_status = ?, response_headers = ?,
                    response_type = ?, response_body = ?, completed_at = now()
                where origin = ? and idempotency_key = ? and state = 'PENDING' and claim_token = ?""")) {
            ps.setInt(1, response.status());
            ps.setString(2, mapper.writeValueAsString(response.headers()));
            ps.setString(3, response.contentType());
            ps.setBytes(4, response.body());
            ps.setString(5, origin);
            ps.setString(6, key);
            ps.setObject(7, token);
            return ps.executeUpdate() == 1;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("storing the idempotent answer failed", e);
        }
    }

    /**
     * Stores one committed batch's result lines of a keyed bulk request; must run inside that batch's
     * transaction. It also renews the claim (a long import is not taken over while it makes progress)
     * and locks the key row until the batch commits: a retry taking the key over waits, then finds the
     * claim renewed; a batch of an execution that was taken over fails with {@link KeyTakenOverException}
     * and rolls back.
     */
    public void recordWindow(String origin, String key, UUID token, int firstLine, byte[] resultLines) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    update idempotency_keys set claimed_at = ?
                    where origin = ? and idempotency_key = ? and state = 'PENDING' and claim_token = ?""")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setString(2, origin);
                ps.setString(3, key);
                ps.setObject(4, token);
                if (ps.executeUpdate() == 0) {
                    throw new KeyTakenOverException();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into idempotency_bulk_windows (origin, idempotency_key, first_line, result_lines)
                    values (?, ?, ?, ?)""")) {
                ps.setString(1, origin);
                ps.setString(2, key);
                ps.setInt(3, firstLine);
                ps.setBytes(4, resultLines);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing a bulk window failed", e);
        }
    }

    /** The stored windows of a keyed bulk request by first input line, in input order. */
    public SortedMap<Integer, byte[]> windows(String origin, String key) {
        SortedMap<Integer, byte[]> windows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select first_line, result_lines from idempotency_bulk_windows
                where origin = ? and idempotency_key = ?""")) {
            ps.setString(1, origin);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    windows.put(rs.getInt(1), rs.getBytes(2));
                }
            }
            return windows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading bulk windows failed", e);
        }
    }

    /**
     * Lets a retry take over a PENDING claim at once rather than after the pending timeout: for a bulk
     * execution that stopped after committing part of its work, which the retry then resumes. A batch of
     * the stopped execution still finishing fails once the retry has taken over.
     */
    public void handOver(String origin, String key, UUID token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update idempotency_keys set claimed_at = timestamptz 'epoch'
                where origin = ? and idempotency_key = ? and state = 'PENDING' and claim_token = ?""")) {
            ps.setString(1, origin);
            ps.setString(2, key);
            ps.setObject(3, token);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("handing the idempotency key over failed", e);
        }
    }

    /** Forgets a PENDING claim whose execution committed nothing, so a retry runs afresh. */
    public void release(String origin, String key, UUID token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from idempotency_keys where origin = ? and idempotency_key = ? and state = 'PENDING' and claim_token = ?")) {
            ps.setString(1, origin);
            ps.setString(2, key);
            ps.setObject(3, token);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("releasing the idempotency key failed", e);
        }
    }

    /** Deletes the keys older than the TTL, with their bulk windows; returns how many keys went. */
    public int purgeExpired() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PURGE_EXPIRED)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(config.ttl())));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("purging idempotency keys failed", e);
        }
    }

    private Map<String, String> headers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
