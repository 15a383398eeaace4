package io.consort.chassis.testapp;

import io.consort.chassis.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.consort.chassis.inbox.IncomingEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer as the services write them. Its effect records the event in {@code test_applied};
 * an event whose payload says {@code "fail": true} makes the effect throw every time.
 */
@ApplicationScoped
public class InboxProbeConsumer {

    public static final String CONSUMER = "chassis-test";

    /** The trace id current while the effect ran, per event id (TraceContextTest). */
    private final Map<UUID, String> traces = new ConcurrentHashMap<>();

    /** Attempts per event id, kept outside the database because failed attempts roll back. */
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    /** How often the effect ran for the event (0 if never); a method, as fields of a client proxy are not the bean's. */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** The trace id that was current while the effect ran for the event, or {@code null}. */
    public String traceOf(UUID eventId) {
        return traces.get(eventId);
    }

    @Incoming("probe-inbox")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    /** The same effect over a channel consumed in batches, through {@link Inbox#consumeBatch}. */
    @Incoming("probe-batch")
    @Blocking
    public CompletionStage<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(CONSUMER, batch, events -> events.forEach(this::apply));
    }

    private void apply(IncomingEvent event) {
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        var span = io.opentelemetry.api.trace.Span.current().getSpanContext();
        if (span.isValid()) {
            traces.put(event.id(), span.getTraceId());
        }
        if (event.payload().path("fail").asBoolean(false) || attempt <= event.payload().path("failTimes").asInt(0)) {
            throw new IllegalStateException("probe effect refused event " + event.id());
        }
        em.createNativeQuery("insert into test_applied (event_id, consumer, note) values (?1, ?2, ?3)")
                .setParameter(1, event.id())
                .setParameter(2, CONSUMER)
                .setParameter(3, event.payload().path("note").asText(null))
                .executeUpdate();
    }
}
