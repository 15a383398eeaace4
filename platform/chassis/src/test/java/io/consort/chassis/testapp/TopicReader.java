package io.consort.chassis.testapp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the position it had when the reader was created (or from the beginning), so
 * a test sees only what was published after its start, in partition order.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    private TopicReader(String bootstrap, String topic, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // Resolve the positions now: records published after this line are the ones a test sees.
        partitions.forEach(consumer::position);
    }

    public static TopicReader fromNow(String bootstrap, String topic) {
        return new TopicReader(bootstrap, topic, false);
    }

    public static TopicReader fromBeginning(String bootstrap, String topic) {
        return new TopicReader(bootstrap, topic, true);
    }

    /** Polls until {@code done} holds for everything received so far, or the timeout passes. */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
        return List.copyOf(received);
    }

    /** One poll, not collected: for callers that keep their own records. */
    public Iterable<ConsumerRecord<String, String>> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** Polls for the given time, collecting everything. */
    public List<ConsumerRecord<String, String>> readFor(Duration duration) {
        return readUntil(r -> false, duration);
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
