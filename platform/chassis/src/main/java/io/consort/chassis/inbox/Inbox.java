package io.consort.chassis.inbox;

import io.consort.chassis.events.MalformedEventException;
import io.consort.chassis.events.TraceHeaders;
import io.opentelemetry.api.trace.Span;
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
import java.time.Duration;
import java.util.Objects;
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
