package io.consort.recruitment;

import io.consort.contracts.EventSchemas;
import io.consort.contracts.EventTypes;
import io.consort.contracts.Topics;
import io.consort.testkit.KafkaRecords;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads what really reached {@code prm.partners} on the test broker (through the testkit's
 * {@link KafkaRecords#upTo}, the companion's consumer) and checks every record of the key against the
 * event's JSON Schema from the contracts.
 */
public final class PartnerTopic {

    private PartnerTopic() {
    }

    /**
     * Waits until {@code count} records with Kafka key {@code key} are on the topic and answers the first
     * {@code count}, in partition order (later ones, such as the partner-admin login's user-added after an
     * approval, are left out); fewer when {@code timeout} ran out first.
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
        List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
        List<ConsumerRecord<String, String>> found = KafkaRecords.upTo(Topics.PARTNERS,
                KafkaRecords.withKey(key).and(record -> {
                    seen.add(record);
                    return !ignoredTypes.contains(header(record, "ce_type"));
                }), count, timeout);
        // Every event this service produces must match its contract, the ones left out too.
        seen.forEach(record -> EventSchemas.assertValid(header(record, "ce_type"), record.value()));
        return found;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return KafkaRecords.header(record, name).orElse(null);
    }
}
