package io.consort.recruitment.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskKindTest {

    @Test
    void onlyThePartnersAdminOrTheVendorAcceptsTheAgreement() {
        assertFalse(TaskKind.ACCEPT_AGREEMENT.mayBeCompletedBy(false, false), "partner-user");
        assertTrue(TaskKind.ACCEPT_AGREEMENT.mayBeCompletedBy(false, true), "partner-admin");
        assertTrue(TaskKind.ACCEPT_AGREEMENT.mayBeCompletedBy(true, false), "vendor on the partner's behalf");
    }

    @Test
    void anyOfThePartnersPeopleCompletesTheProfileAndCustomTasks() {
        for (TaskKind kind : new TaskKind[] { TaskKind.COMPLETE_PROFILE, TaskKind.CUSTOM }) {
            assertTrue(kind.mayBeCompletedBy(false, false), kind + " by a partner-user");
            assertTrue(kind.mayBeCompletedBy(false, true), kind + " by a partner-admin");
            assertTrue(kind.mayBeCompletedBy(true, false), kind + " by the vendor");
        }
    }

    @Test
    void onlyTrainingTasksAreNotCompletedByHandAndOnlyTheyNameAModule() {
        for (TaskKind kind : TaskKind.values()) {
            assertEquals(kind != TaskKind.COMPLETE_TRAINING, kind.completableByHand(), kind.name());
            assertEquals(kind == TaskKind.COMPLETE_TRAINING, kind.namesTrainingModule(), kind.name());
        }
    }
}
