package io.consort.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

class EmbeddedKafkaTest {

    @Test
    void sharedBrokerStartsOnceAndReportsItsStartupTime() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        System.out.printf("Embedded Kafka broker at %s started in %d ms%n", kafka.bootstrapServers(),
                kafka.startupTime().toMillis());

        assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"), kafka.bootstrapServers());
        assertSame(kafka, EmbeddedKafka.shared());
        assertEquals(kafka.bootstrapServers(), System.getProperty(EmbeddedKafka.SHARED_BOOTSTRAP_PROPERTY));
    }

    @Test
    void createdTopicsHaveTheRequestedPartitionsAndCreatingThemAgainIsHarmless() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String topic = "testkit.created." + UUID.randomUUID();

        kafka.createTopics(List.of(topic), 3);
        kafka.createTopics(List.of(topic), 3);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertEquals(3, description.partitions().size());
        }
    }

    @Test
    void aProducedRecordIsConsumedWithItsKeyValueAndHeaders() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String topic = "testkit.roundtrip." + UUID.randomUUID();
        kafka.createTopics(List.of(topic), 3);
        KafkaCompanion companion = kafka.companion();

        ProducerRecord<String, String> sent = new ProducerRecord<>(topic, "partner-1", "{\"hello\":\"kafka\"}");
        sent.headers().add("ce_type", "io.consort.test".getBytes());
        companion.produceStrings().fromRecords(sent).awaitCompletion(Duration.ofSeconds(30));

        ConsumerRecord<String, String> received = companion.consumeStrings()
                .fromTopics(topic, 1)
                .awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
        assertEquals("partner-1", received.key());
        assertEquals("{\"hello\":\"kafka\"}", received.value());
        assertEquals("io.consort.test", new String(received.headers().lastHeader("ce_type").value()));
    }
}
