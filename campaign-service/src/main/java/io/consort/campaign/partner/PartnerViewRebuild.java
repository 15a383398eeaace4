package io.consort.campaign.partner;

import io.consort.chassis.events.MalformedEventException;
import io.consort.chassis.inbox.IncomingEvent;
import io.consort.chassis.problem.Problems;
import io.consort.contracts.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the partner view from offset zero of {@code prm.partners} and {@code prm.performance}
 * (events.md, "Replay"): empties the view, then reads both topics with a group-less consumer up to the
 * end offsets they had when the rebuild began, applying every record through {@link PartnerEvents},
 * one transaction per poll. The live consumers keep running meanwhile; since every aspect of a row
 * keeps the fact with the latest {@code occurredAt} whatever the order of arrival, what they apply and
 * what the replay applies end in the same view. The inbox is not involved: it guards the live
 * consumers against redelivery, and the view's own order tolerance makes re-applying harmless.
 */
@ApplicationScoped
public class PartnerViewRebuild {

    private static final Logger LOG = Logger.getLogger(PartnerViewRebuild.class);
    static final List<String> TOPICS = List.of(Topics.PARTNERS, Topics.PERFORMANCE);

    @Inject
    PartnerRepository partners;

    @Inject
    PartnerEvents events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "consort.campaign.rebuild.timeout", defaultValue = "10m")
    Duration timeout;

    private final AtomicBoolean running = new AtomicBoolean();

    /** What a rebuild did. */
    public record Report(long removedRows, long recordsRead, long eventsApplied, long recordsSkipped,
            long partners, Instant startedAt, Instant finishedAt) {
    }

    /** Runs a rebuild to its end; a second one while one runs in this instance is a 409 problem. */
    public Report rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw Problems.conflict("a rebuild of the partner view is already running");
        }
        try {
            return replay();
        } finally {
            running.set(false);
        }
    }

    private Report replay() {
        Instant started = Instant.now();
        long removed = QuarkusTransaction.requiringNew().call(partners::clear);
        long read = 0;
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (String topic : TOPICS) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                    assigned.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(assigned, Duration.ofSeconds(30)));
            Instant deadline = started.plus(timeout);
            while (!caughtUp(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("partner view rebuild did not reach the end offsets within " + timeout);
                }
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                List<IncomingEvent> todo = new ArrayList<>();
                for (ConsumerRecord<String, String> record : batch) {
                    Long stop = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (stop == null || record.offset() >= stop) {
                        continue;
                    }
                    read++;
                    IncomingEvent event = readable(record);
                    if (event == null || !PartnerEvents.concerns(event.type())) {
                        skipped++;
                    } else {
                        todo.add(event);
                    }
                }
                long[] counts = QuarkusTransaction.requiringNew().call(() -> applyAll(todo));
                applied += counts[0];
                skipped += counts[1];
            }
        }
        long rows = QuarkusTransaction.requiringNew().call(partners::count);
        Report report = new Report(removed, read, applied, skipped, rows, started, Instant.now());
        LOG.infof("partner view rebuilt: %s", report);
        return report;
    }

    /** Applies a poll's events in one transaction; an event the live consumer would dead-letter is skipped. */
    private long[] applyAll(List<IncomingEvent> todo) {
        long applied = 0;
        long skipped = 0;
        for (IncomingEvent event : todo) {
            if (malformed(event)) {
                skipped++;
                continue;
            }
            events.apply(event);
            applied++;
        }
        return new long[] { applied, skipped };
    }

    /** The checks {@link PartnerEvents#apply} makes before it writes, so a bad record cannot spoil a batch. */
    private boolean malformed(IncomingEvent event) {
        try {
            events.validate(event);
            return false;
        } catch (MalformedEventException e) {
            LOG.warnf("rebuild skips %s", e.getMessage());
            return true;
        }
    }

    private static IncomingEvent readable(ConsumerRecord<String, String> record) {
        try {
            return IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            return null;
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "campaign-partner-view-rebuild");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }
}
