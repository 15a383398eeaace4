package io.consort.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void eventTopicsGetThePartitionsAskedForAndAWeek() {
        TopicLayout.Spec partners = TopicLayout.of(Topics.PARTNERS, 6);
        assertFalse(partners.deadLetter());
        assertEquals(6, partners.partitions());
        assertEquals(Duration.ofDays(7), partners.retention());
        assertEquals("604800000", partners.configs().get("retention.ms"));
        assertEquals("delete", partners.configs().get("cleanup.policy"));
    }

    @Test
    void deadLetterTopicsGetOnePartitionAndFourWeeksWhateverTheEventTopicsGet() {
        TopicLayout.Spec parked = TopicLayout.of(Topics.deadLetter(Topics.CAMPAIGNS, "performance"), 6);
        assertTrue(parked.deadLetter());
        assertEquals(1, parked.partitions());
        assertEquals(String.valueOf(28L * 24 * 3600 * 1000), parked.configs().get("retention.ms"));
    }

    @Test
    void coversEveryTopicOfTopicsOnceInItsOrder() {
        List<TopicLayout.Spec> all = TopicLayout.all();
        assertEquals(Topics.allWithDeadLetters(), all.stream().map(TopicLayout.Spec::name).toList());
        assertEquals(Topics.ALL.size(), all.stream().filter(s -> !s.deadLetter()).count());
        assertEquals(Topics.ALL.size() * Topics.CONSUMERS.size(), all.stream().filter(TopicLayout.Spec::deadLetter).count());
        all.stream().filter(s -> !s.deadLetter())
                .forEach(s -> assertEquals(TopicLayout.EVENT_PARTITIONS, s.partitions(), s.name()));
    }

    @Test
    void anEventTopicWithoutPartitionsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TopicLayout.of(Topics.PARTNERS, 0));
    }
}
