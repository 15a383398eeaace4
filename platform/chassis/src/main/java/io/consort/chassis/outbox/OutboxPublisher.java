package io.consort.chassis.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The relay's publishing: its own {@link KafkaProducer} (idempotent, acks=all, at most 5 requests in
 * flight), the records of a round sent pipelined, and the producer closed from inside the first failed
 * send's callback so that nothing queued behind it is written (see {@link OutboxRelay}).
 */
final class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private static final String PRODUCER_PREFIX = "consort.outbox.producer.";
    /** What Kafka answers about one record and will answer every time: retrying cannot help. */
    private static final List<Class<? extends Exception>> REFUSED_FOR_GOOD = List.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, InvalidRecordException.class);

    private final Map<String, Object> kafkaConfig;
    private final Config config;
    private final String serviceName;
    private final BooleanSupplier running;
    private volatile KafkaProducer<String, String> producer;

    OutboxPublisher(Map<String, Object> kafkaConfig, Config config, String serviceName, BooleanSupplier running) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.serviceName = serviceName;
        this.running = running;
    }

    /** Why a round's sending stopped: at which record, and whether Kafka will refuse that record again. */
    record Refusal(int record, boolean forGood, String reason) {
    }

    /**
     * Sends the records pipelined and waits for every outcome; returns why it stopped short, or null when
     * every record was acknowledged.
     */
    Refusal send(List<ProducerRecord<String, String>> records, boolean[] acked) {
        KafkaProducer<String, String> kafka;
        try {
            kafka = producer();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay cannot create its Kafka producer: %s", e.getMessage());
            return new Refusal(0, false, e.getMessage());
        }
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        AtomicInteger failedRecord = new AtomicInteger(-1);
        List<Future<RecordMetadata>> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (firstFailure.get() != null) {
                break;
            }
            int index = i;
            try {
                outcomes.add(kafka.send(records.get(i), (metadata, error) -> {
                    if (error != null && firstFailure.compareAndSet(null, error)) {
                        failedRecord.set(index);
                        // From the callback this aborts everything queued behind the failed record
                        // before the I/O thread can send any of it.
                        kafka.close(Duration.ZERO);
                    }
                }));
            } catch (RuntimeException e) {
                if (firstFailure.compareAndSet(null, e)) {
                    failedRecord.set(index);
                    kafka.close(Duration.ZERO);
                }
                break;
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            try {
                outcomes.get(i).get();
                acked[i] = true;
            } catch (ExecutionException e) {
                firstFailure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                // Shutting down: what was not acknowledged stays unsent.
                Thread.currentThread().interrupt();
                firstFailure.compareAndSet(null, e);
                kafka.close(Duration.ZERO);
                break;
            }
        }
        Exception failure = firstFailure.get();
        if (failure != null) {
            if (producer == kafka) {
                producer = null;
            }
            kafka.close(Duration.ZERO);
            Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            boolean forGood = failedRecord.get() >= 0 && REFUSED_FOR_GOOD.stream().anyMatch(t -> t.isInstance(cause));
            if (running.getAsBoolean() && !forGood) {
                LOG.warnf("Outbox relay could not publish (%s: %s); unacknowledged rows stay unsent and are retried",
                        cause.getClass().getSimpleName(), cause.getMessage());
            }
            return new Refusal(Math.max(0, failedRecord.get()), forGood,
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return null;
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            current = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
            producer = current;
        }
        return current;
    }

    /**
     * Quarkus's {@code kafka.*} configuration (bootstrap servers, security), restricted to what a
     * producer understands, then {@code consort.outbox.producer.*} overrides, then the settings the
     * ordering guarantee depends on, which cannot be overridden.
     */
    Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        var known = ProducerConfig.configNames();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // A round sends up to batch-size records, or a whole batch row, at once: the default 16 KB per
        // partition would cut that into dozens of produce requests, each costing the broker a request
        // and a log append. With linger.ms 0 a lone event still leaves at once.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PRODUCER_PREFIX)) {
                String key = name.substring(PRODUCER_PREFIX.length()).replace("\"", "");
                config.getOptionalValue(name, String.class).ifPresent(value -> props.put(key, value));
            }
        }
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Object inFlight = props.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight == null || Integer.parseInt(inFlight.toString()) > 5) {
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        }
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "consort-outbox-relay-" + serviceName);
        return props;
    }

    void closeProducer(Duration timeout) {
        KafkaProducer<String, String> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(timeout);
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
        }
    }
}
