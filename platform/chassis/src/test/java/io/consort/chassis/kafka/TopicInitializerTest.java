package io.consort.chassis.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.testapp.RestartableBroker;
import io.consort.contracts.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/** Against a real broker of its own, which is not running yet when the service starts. */
class TopicInitializerTest {

    @Test
    void unreachableBrokerDoesNotStopStartupAndTopicsAppearOnceItIsBack() throws Exception {
        RestartableBroker broker = new RestartableBroker(RestartableBroker.freePort(), RestartableBroker.freePort());
        TopicInitializer initializer = new TopicInitializer();
        initializer.createTopics = true;
        initializer.partitions = 3;
        initializer.replicationFactor = Optional.empty();
        initializer.startupTimeout = Duration.ofSeconds(1);
        initializer.retryInterval = Duration.ofMillis(500);
        initializer.kafkaConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try {
            long started = System.nanoTime();
            initializer.onStart(null);
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(startup.toSeconds() < 5, "startup waited " + startup);
            assertFalse(initializer.topicsReady());

            broker.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!initializer.topicsReady() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(initializer.topicsReady(), "topics created in the background");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(Topics.allWithDeadLetters())
                        .allTopicNames().get();
                assertEquals(Topics.allWithDeadLetters().size(), topics.size());
                topics.values().forEach(t -> assertEquals(3, t.partitions().size(), t.name()));
            }
            assertTrue(initializer.attempt(Duration.ofSeconds(5)), "a second run finds the topics and is content");
        } finally {
            initializer.onStop(null);
            broker.stop();
        }
    }
}
