package io.consort.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for what each topic of {@link Topics} looks like, wherever it is created: the local stack's
 * {@code io.consort.deploy.CreateTopics}, the chassis' {@code TopicInitializer} (a service creating them at
 * its start outside the {@code prod} profile), the testkit's broker and the cluster's {@code KafkaTopic}s
 * ({@code io.consort.deploy.k8s.ManifestGenerator}).
 *
 * <ul>
 *   <li>An event topic has {@link #EVENT_PARTITIONS} partitions unless a deployment says otherwise (ordering
 *   is per partner, the record key, so more partitions only add consumers in parallel) and keeps records
 *   {@link #EVENT_RETENTION} (a consumer that was down a week can still catch up; the rebuilds read it).</li>
 *   <li>A dead-letter topic ({@link Topics#deadLetter}) has {@link #DEAD_LETTER_PARTITIONS} partition: a
 *   person reads it, not a consumer group in parallel, and one partition keeps what was parked in order. It
 *   keeps records {@link #DEAD_LETTER_RETENTION}, long enough to notice, fix and replay them.</li>
 * </ul>
 *
 * Replication is not part of the rule: it depends on the cluster (1 locally, 3 in production).
 */
public final class TopicLayout {

    public static final int EVENT_PARTITIONS = 3;
    public static final int DEAD_LETTER_PARTITIONS = 1;
    public static final Duration EVENT_RETENTION = Duration.ofDays(7);
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(28);

    private TopicLayout() {
    }

    /** One topic as it is to be created. */
    public record Spec(String name, boolean deadLetter, int partitions, Duration retention) {

        /** The topic-level configuration to create it with (Kafka's names). */
        public Map<String, String> configs() {
            Map<String, String> configs = new LinkedHashMap<>();
            configs.put("retention.ms", String.valueOf(retention.toMillis()));
            configs.put("cleanup.policy", "delete");
            return configs;
        }
    }

    /** Whether {@code topic} is a dead-letter topic, as {@link Topics#deadLetter} names them. */
    public static boolean isDeadLetter(String topic) {
        return topic.contains(Topics.DEAD_LETTER_INFIX);
    }

    /** The layout of {@code topic}, event topics with {@code eventPartitions} partitions. */
    public static Spec of(String topic, int eventPartitions) {
        if (eventPartitions < 1) {
            throw new IllegalArgumentException("an event topic needs at least one partition, not " + eventPartitions);
        }
        boolean deadLetter = isDeadLetter(topic);
        return new Spec(topic, deadLetter, deadLetter ? DEAD_LETTER_PARTITIONS : eventPartitions,
                deadLetter ? DEAD_LETTER_RETENTION : EVENT_RETENTION);
    }

    /** Every topic of {@link Topics#allWithDeadLetters()}, event topics with {@code eventPartitions} partitions. */
    public static List<Spec> all(int eventPartitions) {
        List<Spec> specs = new ArrayList<>();
        for (String name : Topics.allWithDeadLetters()) {
            specs.add(of(name, eventPartitions));
        }
        return List.copyOf(specs);
    }

    /** Every topic with the default {@link #EVENT_PARTITIONS}. */
    public static List<Spec> all() {
        return all(EVENT_PARTITIONS);
    }
}
