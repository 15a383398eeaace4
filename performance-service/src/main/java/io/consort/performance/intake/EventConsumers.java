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
 * {@code performance} through ONE channel, a poll's records at a time ({@code batch=true}, records of any of
 * the three topics): the records' new events are applied in one transaction ({@link Inbox#consumeBatch}: one
 * multi-row inbox insert, the facts in one multi-row insert, each touched partner evaluated once). Per-partner
 * order holds: batches run one after another, the records of a batch in offset order (per partition), so no
 * two batches of one instance wait for each other's partner locks (three channels did: each batch touched most
 * partners and the others queued behind its advisory locks); the advisory locks still order instances sharing
 * the group. If the batch fails, its records are applied one at a time with the inbox's retries, and a record
 * that is unreadable or still fails is nacked alone, naming its own topic's dead-letter topic
 * ({@code <topic>.dlq.performance}), and the rest go on.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Inbox inbox;

    @Inject
    FactIntake intake;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("events")
    @Blocking
    public CompletionStage<Void> events(KafkaRecordBatch<String, String> batch) {
        return inbox.consumeBatch(consumer, batch, intake::applyAll);
    }
}
