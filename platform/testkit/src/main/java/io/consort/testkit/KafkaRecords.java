package io.consort.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Assertions on what services published, on the shared broker. Waiting for records is the SmallRye
 * {@code KafkaCompanion}'s ({@link EmbeddedKafka#companion()}): its consumer assigned the topic's
 * partitions from their beginning, so it sees records published before the call and never joins (or
 * commits offsets for) the application's consumer groups; here it is only shaped once (filter, first
 * {@code n}, a deadline, the consumer closed). What the companion cannot do stays hand-written:
 * {@link #current} reads a topic to the end offsets of the moment (the companion's tasks end after a
 * count or a duration, and transaction markers make "the records up to the end" uncountable), which
 * asserting that something was NOT published, or that only so many were, needs. The shared broker
 * keeps records of earlier tests, so match on something your test made (a key, an id in the payload, a
 * {@code ce_type}).
 */
public final class KafkaRecords {

    private static final Duration POLL = Duration.ofMillis(100);
    /** Beyond the caller's own time: for the companion's consumer to stop once its time is up. */
    private static final Duration SLACK = Duration.ofSeconds(30);
    /** Client ids must differ: Kafka registers a JMX bean per client id and warns on duplicates. */
    private static final AtomicInteger READERS = new AtomicInteger();

    private KafkaRecords() {
    }

    /** Waits up to {@code timeout} for a record on {@code topic} of the shared broker matching {@code match}. */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        return awaitFirst(topic, match, 1, timeout).get(0);
    }

    /**
     * Waits up to {@code timeout} until at least {@code count} records on {@code topic} match, and returns
     * every matching record the topic holds by then (in partition/offset order), {@code count} or more.
     */
    public static List<ConsumerRecord<String, String>> awaitCount(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        awaitFirst(topic, match, count, timeout);
        return current(topic, match);
    }

    /**
     * The first {@code count} records on {@code topic} matching {@code match}, from the topic's beginning, as
     * far as they arrive within {@code within}: fewer (maybe none) when the time runs out first, so a test
     * can also assert that no more than so many came.
     */
    public static List<ConsumerRecord<String, String>> upTo(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration within) {
        KafkaCompanion companion = EmbeddedKafka.shared().companion();
        // Assigned every partition at its beginning rather than subscribed: no group to join, so the whole
        // of a short "within" goes to reading (a join takes seconds on a loaded machine).
        Map<TopicPartition, Long> beginning = new HashMap<>();
        companion.topics().describe(topic).get(topic).partitions()
                .forEach(p -> beginning.put(new TopicPartition(topic, p.partition()), 0L));
        try (ConsumerTask<String, String> task = companion.consumeStrings().withPollTimeout(POLL)
                .fromOffsets(beginning, records -> records.filter(match).select().first(count).select().first(within))) {
            task.awaitCompletion(within.plus(SLACK));
            return List.copyOf(task.getRecords());
        }
    }

    /**
     * All records on {@code topic} matching {@code match} that are there now: reads up to the end offsets
     * taken at the start of the call. Useful to assert that something was NOT published (after waiting
     * for the thing that would have published it).
     */
    public static List<ConsumerRecord<String, String>> current(String topic,
            Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = fromBeginning(topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
                }
            }
        }
        return found;
    }

    /** Matches records with this Kafka key. */
    public static Predicate<ConsumerRecord<String, String>> withKey(String key) {
        return record -> key.equals(record.key());
    }

    /** Matches records whose CloudEvents {@code ce_type} header is {@code type}. */
    public static Predicate<ConsumerRecord<String, String>> withCeType(String type) {
        return record -> header(record, "ce_type").filter(type::equals).isPresent();
    }

    /** Matches records whose CloudEvents {@code ce_subject} header is {@code subject}. */
    public static Predicate<ConsumerRecord<String, String>> withCeSubject(String subject) {
        return record -> header(record, "ce_subject").filter(subject::equals).isPresent();
    }

    /** The last value of header {@code name}, decoded as UTF-8 (the companion's {@code getHeader} fails when absent). */
    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, String>> awaitFirst(String topic,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = upTo(topic, match, count, timeout);
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + ", found " + found.size());
        }
        return found;
    }

    /** A group-less consumer assigned every partition of {@code topic}, at their beginning. */
    private static KafkaConsumer<String, String> fromBeginning(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "consort-testkit-reader-" + READERS.incrementAndGet()),
                new StringDeserializer(), new StringDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist on "
                        + EmbeddedKafka.shared().bootstrapServers());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return consumer;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }
}
