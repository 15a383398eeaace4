package io.consort.integration.intake;

import io.consort.chassis.inbox.Inbox;
import io.consort.integration.delivery.Dispatcher;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the four topics as consumer group {@code integration}, generically: any {@code ce_type}, payload kept
 * as it came. Each channel is consumed in batches (one poll, {@code batch=true}): the whole batch is stored and
 * fanned out in one transaction (chassis {@link Inbox#processBatch}: each event exactly once), and the
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
        Map<ConsumerRecord<String, String>, KafkaRecord<String, String>> messages = new IdentityHashMap<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, String> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                    .orElseThrow(() -> new IllegalStateException("a Kafka record without its consumer record"));
            messages.put(record, message);
            records.add(record);
        }
        AtomicInteger queued = new AtomicInteger();
        List<Inbox.Failed> failed = inbox.processBatch(consumer, records,
                batchEvents -> queued.addAndGet(events.acceptAll(batchEvents)));
        if (queued.get() > 0) {
            dispatcher.wake();
        }
        List<CompletableFuture<Void>> parked = new ArrayList<>();
        for (Inbox.Failed failure : failed) {
            parked.add(messages.get(failure.record()).nack(failure.failure()).toCompletableFuture());
        }
        // Parking a record acknowledges it; the batch's acknowledgement then commits its offsets.
        return CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }
}
