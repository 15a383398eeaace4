package io.consort.performance.intake;

import io.consort.chassis.inbox.Inbox;
import io.consort.contracts.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Reads {@code prm.partners}, {@code prm.community} and {@code prm.campaigns} as consumer group
 * {@code performance} through ONE channel, a poll's records at a time ({@code batch=true}, records of any of
 * the three topics): the records' new events are applied in one transaction ({@link Inbox#processBatch}: one
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
        Map<ConsumerRecord<String, String>, KafkaRecord<String, String>> messages = new IdentityHashMap<>();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            ConsumerRecord<String, String> record = consumerRecord(message);
            messages.put(record, message);
            records.add(record);
        }
        List<Inbox.Failed> failed = inbox.processBatch(consumer, records, intake::applyAll);
        List<CompletableFuture<Void>> parked = new ArrayList<>(failed.size());
        for (Inbox.Failed failure : failed) {
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
}
