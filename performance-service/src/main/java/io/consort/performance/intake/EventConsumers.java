package io.consort.performance.intake;

import io.consort.chassis.events.MalformedEventException;
import io.consort.chassis.inbox.Inbox;
import io.consort.chassis.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code prm.partners}, {@code prm.community} and {@code prm.campaigns} as consumer group
 * {@code performance}, a poll's records at a time ({@code batch=true}): the records' new events are
 * applied in one transaction ({@link Inbox#processAll}: one multi-row inbox insert, the facts in one
 * multi-row insert, each touched partner evaluated once). Per-partner order holds: one channel's
 * batches run one after another, the records of a batch in offset order, and a per-partner advisory
 * lock orders the three channels. If the batch fails, its records are applied one at a time with the
 * inbox's retries ({@link Inbox#process}), and a record that still fails is nacked alone, so the
 * channel's dead-letter strategy parks it on {@code <topic>.dlq.performance} and the rest go on.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    @Inject
    Inbox inbox;

    @Inject
    FactIntake intake;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> partners(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("community")
    @Blocking
    public CompletionStage<Void> community(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    @Incoming("campaigns")
    @Blocking
    public CompletionStage<Void> campaigns(KafkaRecordBatch<String, String> batch) {
        return consume(batch);
    }

    private CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<IncomingEvent> events = new ArrayList<>();
        List<KafkaRecord<String, String>> alone = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(IncomingEvent.from(consumerRecord(record)));
                readable.add(record);
            } catch (MalformedEventException e) {
                alone.add(record); // the inbox parks it with the reason
            }
        }
        try {
            inbox.processAll(consumer, events, intake::applyAll);
        } catch (RuntimeException e) {
            LOG.debugf("a batch of %d events failed (%s); applying them one at a time", events.size(), e);
            alone.addAll(0, readable);
        }
        List<CompletableFuture<Void>> parked = new ArrayList<>();
        for (KafkaRecord<String, String> record : alone) {
            try {
                inbox.process(consumer, consumerRecord(record), intake::apply);
            } catch (RuntimeException e) {
                parked.add(record.nack(e).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
    }
}
