package io.consort.community.membership;

import io.consort.chassis.inbox.IncomingEvent;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds every membership from offset zero of {@code prm.partners} and {@code prm.performance}: in one
 * transaction, with the member table locked against the live consumers, it drops the rows and folds the
 * topics' events up to their current ends into new ones, each event once (by {@code ce_id}). Folding is
 * order-independent ({@link Member}), so the result equals what the live consumers built, and events the
 * live consumers apply afterwards change nothing they should not. Reads with a group-less consumer, so the
 * service's consumer-group offsets are untouched.
 */
@ApplicationScoped
public class MembershipRebuild {

    private static final Logger LOG = Logger.getLogger(MembershipRebuild.class);

    /** What a rebuild read and produced. */
    public record Report(long eventsRead, long eventsApplied, long members, Instant finishedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    MembershipFacts facts;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "consort.community.rebuild.timeout", defaultValue = "120s")
    Duration timeout;

    @Transactional
    public Report rebuild() {
        em.createNativeQuery("lock table member in exclusive mode").executeUpdate();
        em.createQuery("delete from Member").executeUpdate();
        em.clear();
        long read = 0;
        long applied = 0;
        Set<UUID> seen = new HashSet<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.PARTNERS, Topics.PERFORMANCE)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (!reachedEnds(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw Problems.serviceUnavailable("the rebuild could not read the topics to their end within "
                            + timeout, Duration.ofSeconds(30));
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        continue;
                    }
                    read++;
                    IncomingEvent event;
                    try {
                        event = IncomingEvent.from(record);
                    } catch (RuntimeException unreadable) {
                        continue; // the live consumer parked it on the dead-letter topic already
                    }
                    if (seen.add(event.id()) && applyQuietly(event)) {
                        applied++;
                        if (applied % 500 == 0) {
                            em.flush();
                            em.clear();
                        }
                    }
                }
            }
        }
        em.flush();
        long members = em.createQuery("select count(m) from Member m where m.joinedAt is not null", Long.class)
                .getSingleResult();
        LOG.infof("membership rebuild: %d events read, %d applied, %d members", read, applied, members);
        return new Report(read, applied, members, Instant.now());
    }

    /** An event the live consumer could not apply either (it went to the DLQ) is skipped here too. */
    private boolean applyQuietly(IncomingEvent event) {
        try {
            return facts.apply(event, MembershipFacts.Mode.REPLAY);
        } catch (RuntimeException malformed) {
            LOG.debugf("rebuild skipped event %s (%s): %s", event.id(), event.type(), malformed.getMessage());
            return false;
        }
    }

    private static boolean reachedEnds(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return config;
    }
}
