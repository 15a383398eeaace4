package io.consort.integration.intake;

import io.consort.chassis.inbox.Inbox;
import io.consort.integration.delivery.Dispatcher;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the four topics as consumer group {@code integration}, generically: any {@code ce_type}, payload kept
 * as it came. Each channel is consumed in batches (one poll, {@code batch=true}): the whole batch is stored and
 * fanned out in one transaction (chassis {@link Inbox#consumeBatch}: each event exactly once), and the
 * dispatcher is woken once that has committed. Should the batch fail, its records are processed one by one,
 * and a record that is unreadable or still fails after the inbox's retries is nacked on its own, so the
 * channel's dead-letter strategy parks just that record on {@code <topic>.dlq.integration}; the rest of the
 * batch is acknowledged.
 */
@ApplicationScoped
public class EventIntake {

    @Inject
    Inbox inbox;

    @Inject
    WebhookEvents events;

    @Inject
    Dispatcher dispatcher;

    @ConfigProperty(name = "consort.service.name")
    String consumer;

    @Incoming("partners")
    @Blocking
    public CompletionStage<Void> partners(KafkaRecordBatch<String, String> batch) {
        return accept(batch);
    }

    @Incoming("community")
    @Blocking
    public CompletionStage<Void> community(KafkaRecordBatch<String, String> batch) {
        return accept(batch);
    }

    @Incoming("campaigns")
    @Blocking
    public CompletionStage<Void> campaigns(KafkaRecordBatch<String, String> batch) {
        return accept(batch);
    }

    @Incoming("performance")
    @Blocking
    public CompletionStage<Void> performance(KafkaRecordBatch<String, String> batch) {
        return accept(batch);
    }

    private CompletionStage<Void> accept(KafkaRecordBatch<String, String> batch) {
        AtomicInteger queued = new AtomicInteger();
        CompletionStage<Void> done = inbox.consumeBatch(consumer, batch,
                batchEvents -> queued.addAndGet(events.acceptAll(batchEvents)));
        if (queued.get() > 0) {
            dispatcher.wake(); // the batch has committed when consumeBatch returns
        }
        return done;
    }
}
