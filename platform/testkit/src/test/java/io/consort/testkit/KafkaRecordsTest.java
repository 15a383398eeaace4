package io.consort.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaRecordsTest {

    private static final String TOPIC = "testkit.records." + UUID.randomUUID();

    @BeforeAll
    static void createTopic() {
        EmbeddedKafka.shared().createTopics(List.of(TOPIC), 3);
    }

    private static void publish(String key, String ceType, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
        record.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
        EmbeddedKafka.shared().companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(30));
    }

    @Test
    void awaitFindsARecordPublishedBeforeTheCallByKeyAndType() {
        String key = UUID.randomUUID().toString();
        publish(key, "io.consort.partner.approved", "{\"a\":1}");

        ConsumerRecord<String, String> found = KafkaRecords.await(TOPIC,
                KafkaRecords.withKey(key).and(KafkaRecords.withCeType("io.consort.partner.approved")),
                Duration.ofSeconds(10));

        assertEquals("{\"a\":1}", found.value());
        assertEquals("io.consort.partner.approved", KafkaRecords.header(found, "ce_type").orElseThrow());
    }

    @Test
    void currentListsOnlyTheMatchingRecordsAlreadyOnTheTopic() {
        String key = UUID.randomUUID().toString();
        publish(key, "t.one", "1");
        publish(key, "t.two", "2");
        publish(UUID.randomUUID().toString(), "t.one", "3");

        List<ConsumerRecord<String, String>> mine = KafkaRecords.current(TOPIC, KafkaRecords.withKey(key));

        assertEquals(List.of("1", "2"), mine.stream().map(ConsumerRecord::value).toList());
        assertTrue(KafkaRecords.current(TOPIC, KafkaRecords.withKey("nobody")).isEmpty());
    }

    @Test
    void awaitCountAnswersEveryMatchOnTheTopicByThenNotOnlyTheFirstOnes() {
        String key = UUID.randomUUID().toString();
        publish(key, "t.one", "1");
        publish(key, "t.one", "2");
        publish(key, "t.one", "3");

        List<ConsumerRecord<String, String>> all = KafkaRecords.awaitCount(TOPIC, KafkaRecords.withKey(key), 1,
                Duration.ofSeconds(10));

        assertEquals(List.of("1", "2", "3"), all.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void upToAnswersWhatCameWhenTheTimeRunsOutBeforeTheCount() {
        String key = UUID.randomUUID().toString();
        publish(key, "t.one", "1");
        publish(key, "t.two", "2");

        assertEquals(List.of("1", "2"), KafkaRecords.upTo(TOPIC, KafkaRecords.withKey(key), 3, Duration.ofSeconds(5))
                .stream().map(ConsumerRecord::value).toList());
        assertEquals(List.of("1"), KafkaRecords.upTo(TOPIC, KafkaRecords.withKey(key), 1, Duration.ofSeconds(10))
                .stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void awaitFailsWhenNothingMatchesInTime() {
        assertThrows(AssertionError.class,
                () -> KafkaRecords.await(TOPIC, KafkaRecords.withKey("never-published"), Duration.ofMillis(500)));
    }
}
