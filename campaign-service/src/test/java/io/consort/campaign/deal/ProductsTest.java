package io.consort.campaign.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductsTest {

    @Test
    void normalisesToSortedUpperCaseCodesWithoutDuplicates() {
        assertEquals(List.of("ANALYTICS-PRO", "CLOUD_BACKUP"),
                Products.normalise(List.of(" cloud_backup", "analytics-pro", "ANALYTICS-PRO ")));
    }

    @Test
    void refusesEmptyBlankOddAndTooManyCodes() {
        assertThrows(IllegalArgumentException.class, () -> Products.normalise(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Products.normalise(null));
        assertThrows(IllegalArgumentException.class, () -> Products.normalise(List.of(" ")));
        assertThrows(IllegalArgumentException.class, () -> Products.normalise(Arrays.asList("A", null)));
        assertThrows(IllegalArgumentException.class, () -> Products.normalise(List.of("two words")));
        assertThrows(IllegalArgumentException.class, () -> Products.normalise(List.of("X".repeat(101))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= Products.MAX_PRODUCTS; i++) {
            many.add("P" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> Products.normalise(many));
    }

    @Test
    void overlapIsWhatBothName() {
        assertEquals(List.of("B", "C"), Products.overlap(List.of("A", "B", "C"), List.of("C", "B", "D")));
        assertEquals(List.of(), Products.overlap(List.of("A"), List.of("B")));
    }
}
