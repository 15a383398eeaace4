package io.consort.chassis.inbox;

import io.consort.chassis.events.MalformedEventException;
import io.consort.chassis.events.TraceHeaders;
import io.consort.contracts.Topics;
import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;
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
 *
 * <p>The effect runs in a {@code <topic> process} span (kind consumer) whose parent is the trace context
 * the record carries ({@link TraceHeaders}, written by the producer's outbox), so a trace goes on from
 * the request that emitted the event through every consumer, and the events the effect emits carry it
 * further. With the OpenTelemetry SDK disabled (the default) the span is exported nowhere; the incoming
 * context is current during the effect all the same.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            insert into inbox (event_id, consumer) values (?, ?) on conflict do nothing""";

    private static final String RECORD_ALL = """
            insert into inbox (event_id, consumer) select e, ? from unnest(?) as e on conflict do nothing
            returning event_id""";

    /** A record of a batch that could not be applied, and why: the caller parks it (dead-letter topic). */
    public record Failed(ConsumerRecord<String, String> record, RuntimeException failure) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Tracer tracer;

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
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceHeaders.extract(Context.current(), record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            processInSpan(consumer, record, effect, span);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
        }
    }

    private void processInSpan(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> effect,
            Span span) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            throw new PoisonEventException("poison record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage(), e);
        }
        span.setAttribute("messaging.message.id", event.id().toString());
        span.setAttribute("cloudevents.event_type", event.type());
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
     * The Kafka-facing half of {@link #processBatch}, for a channel consumed in batches ({@code batch=true},
     * a {@code @Blocking} method taking a {@link KafkaRecordBatch}): the poll's records are applied as one
     * batch (falling back to one record at a time should the batch fail), each record that is unreadable or
     * still fails after the retries is nacked on its own, so the channel's
     * {@code failure-strategy=dead-letter-queue} parks just that record, with the reason, on its own topic's
     * dead-letter topic ({@link Topics#deadLetter}{@code (record's topic, consumer)}, named per record, so a
     * channel reading several topics parks each record beside its own topic), and then the whole batch is
     * acknowledged (parking a record acknowledges it; the batch's
     * acknowledgement commits its offsets). The caller returns the stage from its {@code @Incoming} method.
     * When this method returns, the batch's effects have committed (or been parked).
     */
    public CompletionStage<Void> consumeBatch(String consumer, KafkaRecordBatch<String, String> batch,
            Consumer<List<IncomingEvent>> effect) {
        Map<ConsumerRecord<String, String>, KafkaRecord<String, String>> messages = new IdentityHashMap<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            ConsumerRecord<String, String> record = consumerRecord(message);
            messages.put(record, message);
            records.add(record);
        }
        List<Failed> failed = processBatch(consumer, records, effect);
        List<CompletableFuture<Void>> parked = new ArrayList<>(failed.size());
        for (Failed failure : failed) {
            String deadLetters = Topics.deadLetter(failure.record().topic(), consumer);
            parked.add(messages.get(failure.record()).nack(failure.failure(),
                    Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withTopic(deadLetters).build()))
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a Kafka record without its consumer record"));
    }

    /**
     * Applies {@code effect} exactly once for {@code consumer} to the events of a batch of records (one poll), in
     * one transaction: the inbox rows of the whole batch in one statement, then the effect on the events not
     * processed before (in the records' order, each event id once). Should that transaction fail, every record
     * is processed on its own as {@link #process} does (with its retries), so one bad event costs only itself.
     *
     * @return the records that could not be applied (unreadable, or failing after the retries), in order; the
     *     caller parks them as a channel's {@code failure-strategy=dead-letter-queue} would have
     */
    public List<Failed> processBatch(String consumer, List<ConsumerRecord<String, String>> records,
            Consumer<List<IncomingEvent>> effect) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(effect, "effect");
        List<Failed> failed = new ArrayList<>();
        List<ConsumerRecord<String, String>> readable = new ArrayList<>(records.size());
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(IncomingEvent.from(record));
                readable.add(record);
            } catch (MalformedEventException e) {
                failed.add(new Failed(record, new PoisonEventException("poison record " + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e)));
            }
        }
        if (events.isEmpty()) {
            return failed;
        }
        try {
            processAll(consumer, events, effect);
            return failed;
        } catch (RuntimeException e) {
            LOG.debugf("%s failed on a batch of %d events (%s); processing them one by one", consumer, events.size(),
                    unwrap(e));
        }
        for (ConsumerRecord<String, String> record : readable) {
            try {
                process(consumer, record, event -> effect.accept(List.of(event)));
            } catch (RuntimeException e) {
                failed.add(new Failed(record, e));
            }
        }
        failed.sort(java.util.Comparator.comparingInt(f -> records.indexOf(f.record())));
        return failed;
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
                try (PreparedStatement insert = connection.prepareStatement(RECORD_ALL)) {
                    insert.setString(1, consumer);
                    insert.setArray(2, connection.createArrayOf("uuid", events.stream().map(IncomingEvent::id).distinct().toArray()));
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
