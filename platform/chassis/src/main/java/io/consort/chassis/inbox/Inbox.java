package io.consort.chassis.inbox;

import io.consort.chassis.events.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption: an event's effect and the record that it was processed commit together,
 * so a redelivered event (Kafka delivers at least once; the outbox relay may publish twice after a
 * crash) finds its id in {@code inbox} and changes nothing.
 *
 * <p>A failing effect is retried a bounded number of times, each attempt in a fresh transaction
 * (the failed one is rolled back, inbox row included); then the exception propagates so the
 * channel's {@code failure-strategy=dead-letter-queue} parks the record on
 * {@code <topic>.dlq.<service>} with the error in its {@code dead-letter-reason} header and the
 * consumer moves on. A record that is not a readable CloudEvent is parked at once: retrying
 * cannot make it readable.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            insert into inbox (event_id, consumer) values (?, ?) on conflict do nothing""";

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "consort.inbox.max-attempts", defaultValue = "3")
    int maxAttempts;

    @ConfigProperty(name = "consort.inbox.backoff", defaultValue = "100ms")
    Duration backoff;

    /**
     * Applies {@code effect} to the event in {@code record} exactly once for {@code consumer}.
     *
     * @throws PoisonEventException if the record is not a readable CloudEvent (not retried)
     * @throws RuntimeException the effect's last failure, after {@code consort.inbox.max-attempts}
     */
    public void process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(effect, "effect");
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            throw new PoisonEventException("poison record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage(), e);
        }
        int attempts = Math.max(1, maxAttempts);
        for (int attempt = 1;; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, effect));
                if (!applied) {
                    LOG.debugf("%s skipped event %s (%s): already processed", consumer, event.id(), event.type());
                }
                return;
            } catch (RuntimeException e) {
                Throwable failure = unwrap(e);
                if (attempt >= attempts) {
                    LOG.warnf("%s gave up on event %s (%s) after %d attempts: %s", consumer, event.id(), event.type(),
                            attempt, failure);
                    throw failure instanceof RuntimeException runtime ? runtime
                            : new EventProcessingException(failure.toString(), failure);
                }
                LOG.debugf("%s failed on event %s (attempt %d of %d): %s", consumer, event.id(), attempt, attempts,
                        failure);
                sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
            }
        }
    }

    /**
     * Applies {@code effect} once, in one transaction, to those of {@code events} not yet processed by
     * {@code consumer} (in the given order, the first of two deliveries of one id only), recording them
     * all with one multi-row insert: the batch form of {@link #process}, for consumers whose effect is
     * cheaper per event when applied to many at once. No retries: a failure rolls back the whole
     * batch (inbox rows included) and propagates, so the caller can fall back to {@link #process} per
     * record, which retries and lets the one bad record be parked.
     *
     * @return how many events were applied
     */
    public int processAll(String consumer, List<IncomingEvent> events, Consumer<List<IncomingEvent>> effect) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(effect, "effect");
        if (events.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> fresh = entityManager.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into inbox (event_id, consumer) select distinct id, ? from unnest(?) as id
                        on conflict do nothing returning event_id""")) {
                    insert.setString(1, consumer);
                    insert.setArray(2, connection.createArrayOf("uuid", events.stream().map(IncomingEvent::id).toArray()));
                    Set<UUID> ids = new HashSet<>();
                    try (ResultSet rs = insert.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                }
            });
            List<IncomingEvent> apply = new ArrayList<>(fresh.size());
            for (IncomingEvent event : events) {
                if (fresh.remove(event.id())) {
                    apply.add(event);
                }
            }
            if (!apply.isEmpty()) {
                effect.accept(apply);
                entityManager.flush();
            }
            return apply.size();
        });
    }

    private boolean applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> effect) {
        int inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
                insert.setObject(1, event.id());
                insert.setString(2, consumer);
                return insert.executeUpdate();
            }
        });
        if (inserted == 0) {
            return false;
        }
        effect.accept(event);
        // Constraint violations of the effect surface here, inside the attempt, not at commit.
        entityManager.flush();
        return true;
    }

    /** QuarkusTransaction wraps checked failures; the DLQ header should name the real one. */
    private static Throwable unwrap(RuntimeException e) {
        Throwable t = e;
        while ((t.getClass() == RuntimeException.class || t instanceof jakarta.transaction.RollbackException
                || t.getClass().getName().startsWith("io.quarkus.narayana")) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventProcessingException("interrupted while retrying an event", e);
        }
    }
}
