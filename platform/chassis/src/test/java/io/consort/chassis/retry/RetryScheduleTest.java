package io.consort.chassis.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void theDelayDoublesWithEveryFailureUpToTheCap() {
        assertEquals(Duration.ofSeconds(1), schedule.ceiling(1));
        assertEquals(Duration.ofSeconds(2), schedule.ceiling(2));
        assertEquals(Duration.ofSeconds(256), schedule.ceiling(9));
        assertEquals(Duration.ofMinutes(5), schedule.ceiling(10));
        // A login pending for days keeps being tried every five minutes, and the arithmetic never overflows.
        assertEquals(Duration.ofMinutes(5), schedule.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void theRandomPartOnlyEverShortensTheDelayByAFifthAtMost() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration ceiling = schedule.ceiling(failures);
            for (int i = 0; i < 50; i++) {
                Duration delay = schedule.delayAfter(failures);
                assertTrue(delay.compareTo(ceiling) <= 0, delay + " > " + ceiling);
                assertTrue(delay.toMillis() >= ceiling.toMillis() * 0.8, delay + " < 80% of " + ceiling);
            }
        }
    }

    @Test
    void aScheduleNeedsAPositiveStartNotAboveTheCap() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
