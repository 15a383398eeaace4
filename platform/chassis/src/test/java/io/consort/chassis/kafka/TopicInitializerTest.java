package io.consort.chassis.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.chassis.testapp.RestartableBroker;
import io.consort.contracts.TopicLayout;
import io.consort.contracts.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Against a real broker of its own, which is not running yet when the service starts; topics as TopicLayout says. */
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
                topics.values().forEach(t -> assertEquals(TopicLayout.isDeadLetter(t.name()) ? 1 : 3,
                        t.partitions().size(), t.name()));
                var retention = admin.describeConfigs(java.util.List.of(
                        new ConfigResource(ConfigResource.Type.TOPIC, Topics.PARTNERS),
                        new ConfigResource(ConfigResource.Type.TOPIC, Topics.deadLetter(Topics.PARTNERS, "campaign"))))
                        .all().get();
                assertEquals(String.valueOf(TopicLayout.EVENT_RETENTION.toMillis()), retention.get(
                        new ConfigResource(ConfigResource.Type.TOPIC, Topics.PARTNERS)).get("retention.ms").value());
                assertEquals(String.valueOf(TopicLayout.DEAD_LETTER_RETENTION.toMillis()), retention.get(
                        new ConfigResource(ConfigResource.Type.TOPIC, Topics.deadLetter(Topics.PARTNERS, "campaign")))
                        .get("retention.ms").value());
            }
            assertTrue(initializer.attempt(Duration.ofSeconds(5)), "a second run finds the topics and is content");
        } finally {
            initializer.onStop(null);
            broker.stop();
        }
    }
}
