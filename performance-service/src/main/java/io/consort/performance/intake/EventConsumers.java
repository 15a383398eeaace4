package io.consort.performance.intake;

import io.consort.chassis.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code prm.partners}, {@code prm.community} and {@code prm.campaigns} as consumer group
 * {@code performance}, a poll's records at a time ({@code batch=true}): the records' new events are
 * applied in one transaction ({@link Inbox#consumeBatch}: one multi-row inbox insert, the facts in one
 * multi-row insert, each touched partner evaluated once). Per-partner order holds: one channel's
 * batches run one after another, the records of a batch in offset order, and a per-partner advisory
 * lock orders the three channels. If the batch fails, its records are applied one at a time with the
 * inbox's retries, and a record that is unreadable or still fails is nacked alone, so the
 * channel's dead-letter strategy parks it on {@code <topic>.dlq.performance} and the rest go on.
 */
@ApplicationScoped
public class EventConsumers {

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
        return inbox.consumeBatch(consumer, batch, intake::applyAll);
    }
}
