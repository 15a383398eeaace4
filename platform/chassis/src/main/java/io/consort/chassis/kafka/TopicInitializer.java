package io.consort.chassis.kafka;

import io.consort.contracts.TopicLayout;
import io.consort.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the suite's topics (dead-letter topics included) when the service starts, so no consumer
 * waits on the broker's auto-creation, laid out as {@link TopicLayout} says (the one rule the local
 * stack and the cluster's KafkaTopics follow too: event topics {@code consort.kafka.partitions},
 * dead-letter topics one partition, their retention). Idempotent: existing topics are left as they are.
 * Off in the {@code prod} profile (the chassis' defaults): there whoever runs the broker creates them.
 *
 * <p>A broker that cannot be reached must not keep the service from starting: after a short
 * attempt at startup it logs a warning and keeps trying in the background.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    @ConfigProperty(name = "consort.kafka.create-topics", defaultValue = "true")
    boolean createTopics;
    @ConfigProperty(name = "consort.kafka.partitions", defaultValue = "3")
    int partitions;
    @ConfigProperty(name = "consort.kafka.replication-factor")
    Optional<Short> replicationFactor;
    @ConfigProperty(name = "consort.kafka.startup-timeout", defaultValue = "3s")
    Duration startupTimeout;
    @ConfigProperty(name = "consort.kafka.retry-interval", defaultValue = "10s")
    Duration retryInterval;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean done;
    private volatile Thread retrier;

    /** Before SmallRye Reactive Messaging (priority 1000) starts the consumers. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!createTopics) {
            return;
        }
        if (attempt(startupTimeout)) {
            return;
        }
        LOG.warnf("Kafka at %s is not reachable: the topics of the suite could not be created at startup. "
                + "The service starts anyway and keeps trying every %ds in the background.",
                kafkaConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), retryInterval.toSeconds());
        Thread t = new Thread(this::retry, "consort-kafka-topics");
        t.setDaemon(true);
        retrier = t;
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        done = true;
        Thread t = retrier;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Whether every topic is known to exist. */
    public boolean topicsReady() {
        return done;
    }

    private void retry() {
        while (!done) {
            try {
                Thread.sleep(retryInterval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!done && attempt(retryInterval.compareTo(Duration.ofSeconds(30)) < 0 ? retryInterval
                    : Duration.ofSeconds(30))) {
                LOG.info("Kafka is reachable again: the suite's topics exist now");
            }
        }
    }

    /** One try within {@code timeout}; true when every topic exists afterwards. */
    boolean attempt(Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        Set<String> known = AdminClientConfig.configNames();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                props.put(key, value);
            }
        });
        int millis = (int) Math.max(500, timeout.toMillis());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "consort-topic-initializer");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        // Admin.close() waits for pending calls, which the timeouts above bound.
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicLayout.Spec topic : TopicLayout.all(partitions)) {
                topics.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor)
                        .configs(topic.configs()));
            }
            CreateTopicsResult result = admin.createTopics(topics, new CreateTopicsOptions().timeoutMs(millis));
            int created = 0;
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(millis, TimeUnit.MILLISECONDS);
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.debugf("Creating topic %s failed: %s", entry.getKey(), e.getCause());
                        return false;
                    }
                }
            }
            if (created > 0) {
                LOG.infof("Created %d Kafka topics (event topics with %d partitions)", created, partitions);
            }
            done = true;
            return true;
        } catch (TimeoutException | RuntimeException e) {
            LOG.debugf("Creating the suite's topics failed: %s", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
