package io.consort.recruitment;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads what really reached {@code prm.partners} on the test broker, with a plain consumer and no
 * group, and checks each record it returns against the event's JSON Schema from the contracts.
 */
public final class PartnerTopic {

    private PartnerTopic() {
    }

    /**
     * Waits until {@code count} records with Kafka key {@code key} are on the topic and answers the first
     * {@code count}, in partition order (later ones, such as the partner-admin login's user-added after an
     * approval, are left out even when the same poll brought them).
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String key, int count, Duration timeout) {
        return awaitRecords(key, count, timeout, Set.of());
    }

    /**
     * As {@link #awaitRecords(String, int, Duration)}, leaving out the partner's login events: the
     * provisioning worker publishes {@code partner.user-added} whenever Keycloak answers, so where it lands
     * among a partner's other events is timing, not behaviour a test about onboarding can pin down.
     */
    public static List<ConsumerRecord<String, String>> awaitRecordsWithoutLogins(String key, int count, Duration timeout) {
        return awaitRecords(key, count, timeout, Set.of(EventTypes.PARTNER_USER_ADDED.ceType()));
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String key, int count, Duration timeout,
            Set<String> ignoredTypes) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PARTNERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        // Every event this service produces must match its contract.
                        EventSchemas.assertValid(header(record, "ce_type"), record.value());
                        if (!ignoredTypes.contains(header(record, "ce_type"))) {
                            found.add(record);
                        }
                    }
                }
            }
            return found.size() > count ? List.copyOf(found.subList(0, count)) : found;
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
