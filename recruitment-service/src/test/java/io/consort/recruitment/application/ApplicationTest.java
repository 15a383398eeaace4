package io.consort.recruitment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.support.IllegalTransitionException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-01-05T09:30:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2026-01-06T10:00:00Z");

    private final String token = WithdrawTokens.issue();
    private final Application application = Application.submit(UUID.randomUUID(), UUID.randomUUID(),
            new Application.Applicant("Acme", "https://acme.example", "acme.example", "Dana", "dana@acme.example",
                    "EMEA", null),
            PartnerType.RESELLER, WithdrawTokens.hash(token), SUBMITTED_AT);

    @Test
    void approvingRecordsThePartnerTheReviewerAndTheTime() {
        UUID partnerId = UUID.randomUUID();
        application.approve(partnerId, "manager", DECIDED_AT);

        assertEquals(ApplicationState.APPROVED, application.state());
        assertEquals(partnerId, application.partnerId());
        assertEquals("manager", application.decidedBy());
        assertEquals(DECIDED_AT, application.decidedAt());
        assertEquals(DECIDED_AT, application.updatedAt());
        assertNull(application.decisionReason());
    }

    @Test
    void approvingTwiceIsRefusedAndKeepsTheFirstDecision() {
        UUID first = UUID.randomUUID();
        application.approve(first, "manager", DECIDED_AT);

        assertThrows(IllegalTransitionException.class,
                () -> application.approve(UUID.randomUUID(), "admin", DECIDED_AT.plusSeconds(1)));
        assertEquals(first, application.partnerId());
        assertEquals("manager", application.decidedBy());
    }

    @Test
    void aRejectedApplicationCannotBeApproved() {
        application.reject("  not a fit  ", "manager", DECIDED_AT);

        assertEquals("not a fit", application.decisionReason());
        assertThrows(IllegalTransitionException.class,
                () -> application.approve(UUID.randomUUID(), "manager", DECIDED_AT));
        assertEquals(ApplicationState.REJECTED, application.state());
        assertNull(application.partnerId());
    }

    @Test
    void rejectingNeedsAReason() {
        assertThrows(IllegalArgumentException.class, () -> application.reject(" ", "manager", DECIDED_AT));
        assertEquals(ApplicationState.SUBMITTED, application.state());
    }

    @Test
    void onlyTheIssuedTokenWithdraws() {
        assertTrue(application.withdrawableWith(WithdrawTokens.hash(token)));
        assertFalse(application.withdrawableWith(WithdrawTokens.hash(WithdrawTokens.issue())));
        assertFalse(application.withdrawableWith(null));
    }

    @Test
    void aWithdrawnApplicationCannotBeDecided() {
        application.withdraw("applicant", DECIDED_AT);

        assertEquals(ApplicationState.WITHDRAWN, application.state());
        assertThrows(IllegalTransitionException.class, () -> application.reject("late", "manager", DECIDED_AT));
    }
}
