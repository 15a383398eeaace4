package io.consort.deploy;

import io.consort.contracts.Topics;

/**
 * What each topic of {@link Topics} looks like wherever deploy creates it: the local broker
 * ({@link CreateTopics}) and the cluster's KafkaTopics ({@code io.consort.deploy.k8s.ManifestGenerator}).
 * An event topic has the given number of partitions (ordering is per partner, the key); a dead-letter
 * topic has one, since a person reads it, not a consumer group in parallel.
 */
public final class TopicLayout {

    public static final int DEAD_LETTER_PARTITIONS = 1;

    private TopicLayout() {
    }

    public static boolean isDeadLetter(String topic) {
        return topic.contains(".dlq.");
    }

    public static int partitions(String topic, int eventPartitions) {
        return isDeadLetter(topic) ? DEAD_LETTER_PARTITIONS : eventPartitions;
    }
}
