package io.consort.chassis.testapp;

import io.consort.testkit.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/** Creates the inbox tests' topics and their dead-letter topics before the consumer subscribes. */
public class ProbeTopics implements QuarkusTestResourceLifecycleManager {
    public static final String TOPIC = "consort.chassis.probe";
    public static final String DEAD_LETTERS = TOPIC + ".dlq.chassis-test";
    /** Consumed in batches through {@code Inbox.consumeBatch}. */
    public static final String BATCH_TOPIC = "consort.chassis.probe-batch";
    public static final String BATCH_DEAD_LETTERS = BATCH_TOPIC + ".dlq.chassis-test";

    @Override
    public Map<String, String> start() {
        EmbeddedKafka.shared().createTopics(List.of(TOPIC, DEAD_LETTERS, BATCH_TOPIC, BATCH_DEAD_LETTERS), 3);
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
