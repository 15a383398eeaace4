package io.consort.integration.delivery;

import io.consort.chassis.retry.RetrySchedule;
import io.consort.integration.subscription.SecretCipher;
import io.consort.integration.subscription.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * The delivery queue in PostgreSQL, so retries survive a restart and several instances share the work: an
 * instance claims due deliveries with {@code FOR UPDATE SKIP LOCKED}, marks them {@code IN_FLIGHT} with a lease
 * and commits before calling out (no row lock or connection is held during the HTTP call); the answer is then
 * recorded in a second transaction. A lease that runs out (the instance died mid-call) puts the delivery back
 * in the queue, counted as a failed attempt: at least once, never lost.
 *
 * <p>What is claimed, in one statement: due deliveries of active subscriptions whose circuit is not open; per
 * subscription at most {@code perSubscription} in flight (one, the probe, while its circuit is half-open), so a
 * slow or dead endpoint holds only its own slots; and per subscription and order key (the partner) only the
 * oldest one still on its first attempt, so a partner's events reach a receiver that keeps up in the order
 * they happened. Once a delivery failed it waits for its retry without holding up the ones after it.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A claimed delivery with what sending it needs. */
    public record Claimed(UUID id, int attempts, UUID subscriptionId, UUID eventId, String url, List<String> secrets,
            String body) {
    }

    private static final String RECOVER = """
            update delivery set status = 'PENDING', lease_until = null, next_attempt_at = now(), updated_at = now(),
                   last_error = 'no answer was recorded before the lease ran out (the sending instance stopped?)'
             where status = 'IN_FLIGHT' and lease_until < now()""";

    private static final String CANDIDATES = """
            with heads as (
                -- The first delivery of each lane (subscription and key) still on its first attempt or in flight.
                select distinct on (subscription_id, order_key) id, status
                  from delivery
                 where status = 'IN_FLIGHT' or (status = 'PENDING' and attempts = 0)
                 order by subscription_id, order_key, seq
            ), due as (
                select d.id, d.subscription_id, d.next_attempt_at, d.seq, s.consecutive_failures
                  from delivery d join subscription s on s.id = d.subscription_id
                 where d.status = 'PENDING' and d.next_attempt_at <= now()
                   and s.status = 'ACTIVE' and (s.circuit_open_until is null or s.circuit_open_until <= now())
                   and (d.attempts > 0 or d.id in (select id from heads where status = 'PENDING'))
            ), ranked as (
                select due.*, row_number() over (partition by subscription_id order by next_attempt_at, seq) as rank
                  from due
            ), busy as (
                select subscription_id, count(*) as n from delivery where status = 'IN_FLIGHT' group by subscription_id
            )
            select r.id from ranked r left join busy b on b.subscription_id = r.subscription_id
             where r.rank <= (case when r.consecutive_failures >= ? then 1 else ? end) - coalesce(b.n, 0)
             order by r.next_attempt_at, r.seq
             limit ?""";

    private static final String CLAIM = """
            with claimed as (
                update delivery d
                   set status = 'IN_FLIGHT', attempts = d.attempts + 1, lease_until = now() + make_interval(secs => ?),
                       last_attempt_at = now(), updated_at = now()
                 where d.id in (select id from delivery where id = any(?) and status = 'PENDING' for update skip locked)
                returning d.id, d.attempts, d.subscription_id, d.event_id
            )
            select c.id, c.attempts, c.subscription_id, c.event_id, s.url, s.secret, s.previous_secret,
                   s.previous_secret_expires_at, e.cloud_event
              from claimed c join subscription s on s.id = c.subscription_id join webhook_event e on e.id = c.event_id""";

    @Inject
    EntityManager entityManager;

    @Inject
    SecretCipher cipher;

    @ConfigProperty(name = "consort.integration.delivery.max-attempts")
    int maxAttempts;

    @ConfigProperty(name = "consort.integration.delivery.initial-backoff")
    Duration initialBackoff;

    @ConfigProperty(name = "consort.integration.delivery.max-backoff")
    Duration maxBackoff;

    @ConfigProperty(name = "consort.integration.delivery.breaker-threshold")
    int breakerThreshold;

    @ConfigProperty(name = "consort.integration.delivery.breaker-initial-backoff")
    Duration breakerInitialBackoff;

    @ConfigProperty(name = "consort.integration.delivery.breaker-max-backoff")
    Duration breakerMaxBackoff;

    @ConfigProperty(name = "consort.integration.delivery.disable-after")
    Duration disableAfter;

    @ConfigProperty(name = "consort.integration.delivery.disable-min-failures")
    int disableMinFailures;

    @ConfigProperty(name = "consort.integration.delivery.max-in-flight-per-subscription")
    int perSubscription;

    @ConfigProperty(name = "consort.integration.delivery.timeout")
    Duration timeout;

    @ConfigProperty(name = "consort.integration.delivery.connect-timeout")
    Duration connectTimeout;

    /** One delivery to queue: an event for a subscription. */
    public record Fanout(UUID subscriptionId, UUID eventId, String eventType, UUID partnerId, String orderKey) {
    }

    /**
     * Queues deliveries in one multi-row insert, in the given order (their {@code seq}, hence the per-partner
     * order, follows it); a subscription that has the event already is skipped, so a fan-out is never doubled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(List<Fanout> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        return work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into delivery (id, subscription_id, partner_id, event_id, event_type, order_key, status,
                                          next_attempt_at, created_at, updated_at)
                    select gen_random_uuid(), t.s, t.p, t.e, t.type, t.k, 'PENDING', now(), now(), now()
                      from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[])
                           with ordinality as t(s, e, p, type, k, n)
                     order by t.n
                    on conflict (subscription_id, event_id) do nothing""")) {
                insert.setArray(1, connection.createArrayOf("uuid",
                        deliveries.stream().map(Fanout::subscriptionId).toArray()));
                insert.setArray(2, connection.createArrayOf("uuid", deliveries.stream().map(Fanout::eventId).toArray()));
                insert.setArray(3, connection.createArrayOf("uuid",
                        deliveries.stream().map(Fanout::partnerId).toArray()));
                insert.setArray(4, connection.createArrayOf("text",
                        deliveries.stream().map(Fanout::eventType).toArray()));
                insert.setArray(5, connection.createArrayOf("text",
                        deliveries.stream().map(Fanout::orderKey).toArray()));
                return insert.executeUpdate();
            }
        });
    }

    /** Claims up to {@code limit} due deliveries (see the class comment) and leases them for one call. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit) {
        return work(connection -> {
            try (PreparedStatement recover = connection.prepareStatement(RECOVER)) {
                recover.executeUpdate();
            }
            List<UUID> candidates = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(CANDIDATES)) {
                select.setInt(1, breakerThreshold);
                select.setInt(2, perSubscription);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Claimed> claimed = new ArrayList<>();
            Instant now = Instant.now();
            try (PreparedStatement update = connection.prepareStatement(CLAIM)) {
                update.setDouble(1, lease().toMillis() / 1000.0);
                update.setArray(2, uuids(connection, candidates));
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        Timestamp previousExpires = rs.getTimestamp(8);
                        UUID subscriptionId = rs.getObject(3, UUID.class);
                        List<String> secrets = Subscription.signingSecrets(rs.getString(6), rs.getString(7),
                                previousExpires == null ? null : previousExpires.toInstant(), now).stream()
                                .map(stored -> cipher.open(stored, subscriptionId))
                                .toList();
                        claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getInt(2), subscriptionId,
                                rs.getObject(4, UUID.class), rs.getString(5), secrets, rs.getString(9)));
                    }
                }
            }
            return claimed;
        });
    }

    /** A 2xx to record. */
    public record Success(Claimed delivery, Outcome outcome) {
    }

    /** Records a 2xx: delivered, and the subscription's run of failures is over. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(Claimed delivery, Outcome outcome) {
        delivered(List.of(new Success(delivery, outcome)));
    }

    /**
     * Records 2xx answers, as many as came meanwhile, in one transaction: the run of failures of their
     * subscriptions is over, and each delivery is DELIVERED (if its lease is still the one that sent it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(List<Success> successes) {
        if (successes.isEmpty()) {
            return;
        }
        work(connection -> {
            // Subscription rows first, in id order, as a failed attempt locks them (its own row, then its
            // delivery): concurrent recordings then never wait for each other in a circle.
            try (PreparedStatement healthy = connection.prepareStatement("""
                    update subscription set consecutive_failures = 0, failing_since = null, circuit_open_until = null
                     where id in (select id from subscription
                                   where id = any(?) and (consecutive_failures <> 0 or circuit_open_until is not null)
                                   order by id for update)""")) {
                healthy.setArray(1, uuids(connection,
                        successes.stream().map(x -> x.delivery().subscriptionId()).distinct().toList()));
                healthy.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    update delivery d set status = 'DELIVERED', delivered_at = now(), lease_until = null,
                           next_attempt_at = null, last_status_code = t.code, last_duration_ms = t.ms, last_error = null,
                           updated_at = now()
                      from unnest(?::uuid[], ?::int[], ?::int[], ?::int[]) as t(id, attempts, code, ms)
                     where d.id = t.id and d.attempts = t.attempts and d.status = 'IN_FLIGHT'""")) {
                update.setArray(1, uuids(connection, successes.stream().map(x -> x.delivery().id()).toList()));
                update.setArray(2, connection.createArrayOf("integer",
                        successes.stream().map(x -> x.delivery().attempts()).toArray()));
                update.setArray(3, connection.createArrayOf("integer",
                        successes.stream().map(x -> x.outcome().statusCode()).toArray()));
                update.setArray(4, connection.createArrayOf("integer",
                        successes.stream().map(x -> x.outcome().durationMillis()).toArray()));
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records a failed attempt: retried later with backoff and jitter, or failed for good after the last
     * attempt. A 410 Gone disables the subscription at once; a run of failures first opens its circuit (one
     * probe at a time after a backoff) and, once it has lasted {@code disable-after}, disables it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Claimed delivery, Outcome outcome) {
        work(connection -> {
            int failures;
            Instant failingSince;
            String status;
            try (PreparedStatement lock = connection.prepareStatement("""
                    update subscription set consecutive_failures = consecutive_failures + 1,
                           failing_since = coalesce(failing_since, now())
                     where id = ? returning consecutive_failures, failing_since, status""")) {
                lock.setObject(1, delivery.subscriptionId());
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return null; // deleted meanwhile: its deliveries went with it
                    }
                    failures = rs.getInt(1);
                    failingSince = rs.getTimestamp(2).toInstant();
                    status = rs.getString(3);
                }
            }
            boolean last = delivery.attempts() >= maxAttempts || outcome.gone() || !"ACTIVE".equals(status);
            Duration retryIn = new RetrySchedule(initialBackoff, maxBackoff).delayAfter(delivery.attempts());
            try (PreparedStatement update = connection.prepareStatement("""
                    update delivery set status = ?, lease_until = null,
                           next_attempt_at = case when ? then null else now() + make_interval(secs => ?) end,
                           last_status_code = ?, last_duration_ms = ?, last_error = ?, updated_at = now()
                     where id = ? and attempts = ? and status = 'IN_FLIGHT'""")) {
                update.setString(1, last ? "FAILED" : "PENDING");
                update.setBoolean(2, last);
                update.setDouble(3, retryIn.toMillis() / 1000.0);
                if (outcome.statusCode() == null) {
                    update.setNull(4, Types.INTEGER);
                } else {
                    update.setInt(4, outcome.statusCode());
                }
                update.setInt(5, outcome.durationMillis());
                update.setString(6, outcome.error());
                update.setObject(7, delivery.id());
                update.setInt(8, delivery.attempts());
                update.executeUpdate();
            }
            if (outcome.gone()) {
                disable(connection, delivery.subscriptionId(), "the endpoint answered 410 Gone at " + Instant.now());
            } else if (failures >= disableMinFailures && !failingSince.isAfter(Instant.now().minus(disableAfter))) {
                disable(connection, delivery.subscriptionId(), "every delivery failed since " + failingSince + " ("
                        + failures + " failures in a row; last: " + outcome.error() + ")");
            } else if (failures >= breakerThreshold) {
                Duration open = new RetrySchedule(breakerInitialBackoff, breakerMaxBackoff)
                        .delayAfter(failures - breakerThreshold + 1);
                try (PreparedStatement breaker = connection.prepareStatement("""
                        update subscription set circuit_open_until = now() + make_interval(secs => ?) where id = ?""")) {
                    breaker.setDouble(1, open.toMillis() / 1000.0);
                    breaker.setObject(2, delivery.subscriptionId());
                    breaker.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Ends the deliveries still waiting for a subscription that stopped; a replay brings them back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int failPending(UUID subscriptionId, String reason) {
        return work(connection -> failPending(connection, subscriptionId, reason));
    }

    /** Forgets a subscription's failures and closes its circuit (it was enabled again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resetHealth(UUID subscriptionId) {
        work(connection -> {
            try (PreparedStatement reset = connection.prepareStatement("""
                    update subscription set consecutive_failures = 0, failing_since = null, circuit_open_until = null
                     where id = ?""")) {
                reset.setObject(1, subscriptionId);
                return reset.executeUpdate();
            }
        });
    }

    /**
     * Puts one delivery back in the queue, due now, with a fresh set of attempts, whatever became of it
     * (answers 0 when it is being sent right now).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redeliver(UUID deliveryId) {
        return work(connection -> {
            try (PreparedStatement rearm = connection.prepareStatement("""
                    update delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), lease_until = null,
                           updated_at = now()
                     where id = ? and status <> 'IN_FLIGHT'""")) {
                rearm.setObject(1, deliveryId);
                return rearm.executeUpdate();
            }
        });
    }

    /**
     * Queues again every stored event since {@code since} that the subscription matches (type patterns and
     * partner), whether it was delivered before, failed, or arrived while the subscription did not exist or
     * was disabled. Answers how many deliveries were queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replay(UUID subscriptionId, UUID partnerIdOrNull, List<String> typeRegexes, Instant since) {
        return work(connection -> {
            try (PreparedStatement replay = connection.prepareStatement("""
                    insert into delivery as d (id, subscription_id, partner_id, event_id, event_type, order_key, status,
                                               next_attempt_at, created_at, updated_at)
                    select gen_random_uuid(), ?, e.partner_id, e.id, e.type, e.order_key, 'PENDING', now(), now(), now()
                      from webhook_event e
                     where e.occurred_at >= ? and e.type ~ any(?) and e.type <> 'consort.webhook.ping.v1'
                       and (?::uuid is null or e.partner_id = ?::uuid)
                     order by e.occurred_at, e.received_at
                    on conflict (subscription_id, event_id) do update
                       set status = 'PENDING', attempts = 0, next_attempt_at = now(), lease_until = null,
                           updated_at = now()
                     where d.status <> 'IN_FLIGHT'""")) {
                replay.setObject(1, subscriptionId);
                replay.setTimestamp(2, Timestamp.from(since));
                replay.setArray(3, connection.createArrayOf("text", typeRegexes.toArray()));
                replay.setObject(4, partnerIdOrNull, Types.OTHER);
                replay.setObject(5, partnerIdOrNull, Types.OTHER);
                return replay.executeUpdate();
            }
        });
    }

    /** Drops events older than {@code retention} that no delivery still waits for (their log goes with them). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge(Duration retention) {
        return work(connection -> {
            try (PreparedStatement purge = connection.prepareStatement("""
                    delete from webhook_event e where e.received_at < now() - make_interval(secs => ?)
                       and not exists (select 1 from delivery d where d.event_id = e.id
                                          and d.status in ('PENDING', 'IN_FLIGHT'))""")) {
                purge.setDouble(1, retention.toSeconds());
                return purge.executeUpdate();
            }
        });
    }

    /** How long a claim is good for: the whole call with its timeouts, and a margin to record the answer. */
    Duration lease() {
        return timeout.plus(connectTimeout).plusSeconds(30);
    }

    private void disable(Connection connection, UUID subscriptionId, String reason) throws SQLException {
        try (PreparedStatement disable = connection.prepareStatement("""
                update subscription set status = 'DISABLED', disabled_reason = ?, disabled_at = now(),
                       updated_at = now(), version = version + 1
                 where id = ? and status = 'ACTIVE'""")) {
            disable.setString(1, reason);
            disable.setObject(2, subscriptionId);
            if (disable.executeUpdate() == 0) {
                return;
            }
        }
        failPending(connection, subscriptionId, "subscription disabled: " + reason);
    }

    private static int failPending(Connection connection, UUID subscriptionId, String reason) throws SQLException {
        try (PreparedStatement fail = connection.prepareStatement("""
                update delivery set status = 'FAILED', next_attempt_at = null, last_error = ?, updated_at = now()
                 where subscription_id = ? and status = 'PENDING'""")) {
            fail.setString(1, reason);
            fail.setObject(2, subscriptionId);
            return fail.executeUpdate();
        }
    }

    private static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }
}
