package io.consort.recruitment.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consort.recruitment.program.IdealProfile.SizeCriterion;
import io.consort.recruitment.program.IdealProfile.ValueCriterion;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdealProfileTest {

    @Test
    void weightsOfTheGivenCriteriaAddUpToOneHundred() {
        IdealProfile profile = new IdealProfile(new ValueCriterion(List.of("EMEA"), 60), null, null,
                new SizeCriterion(10, null, 40), null, null);
        assertEquals(60, profile.regions().weight());
    }

    @Test
    void aProfileWhoseWeightsDoNotAddUpToOneHundredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdealProfile(new ValueCriterion(List.of("EMEA"), 60),
                null, null, null, null, null));
    }

    @Test
    void criteriaMustBeMeaningful() {
        assertThrows(IllegalArgumentException.class, () -> new ValueCriterion(List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> new ValueCriterion(List.of("EMEA"), 0));
        assertThrows(IllegalArgumentException.class, () -> new SizeCriterion(null, null, 10));
        assertThrows(IllegalArgumentException.class, () -> new SizeCriterion(500, 10, 10));
    }
}
