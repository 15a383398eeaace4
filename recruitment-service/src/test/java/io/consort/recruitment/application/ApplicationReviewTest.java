package io.consort.recruitment.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.consort.recruitment.program.PartnerType;
import io.consort.recruitment.support.IllegalTransitionException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Review before the decision: starting it, asking the applicant, and the answers on record. */
class ApplicationReviewTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2026-01-05T09:30:00Z");
    private static final Instant T1 = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-07T14:00:00Z");
    private static final Instant T3 = Instant.parse("2026-01-08T08:00:00Z");

    private final Application application = Application.submit(UUID.randomUUID(), UUID.randomUUID(),
            new Application.Applicant("Acme", "https://acme.example", "acme.example", "Dana", "dana@acme.example",
                    "EMEA", null),
            PartnerType.RESELLER, WithdrawTokens.hash(WithdrawTokens.issue()), SUBMITTED_AT);

    @Test
    void startingTheReviewMovesItInReview() {
        application.startReview(T1);

        assertEquals(ApplicationState.IN_REVIEW, application.state());
        assertEquals(T1, application.updatedAt());
        assertEquals(List.of(), application.infoRequests());
    }

    @Test
    void aQuestionAndItsAnswerAreKeptWithWhoAndWhen() {
        application.startReview(T1);
        application.requestInfo("  Which vendors do you resell?  ", "manager", T1);

        assertEquals(ApplicationState.INFO_REQUESTED, application.state());
        assertEquals(List.of(new InfoRequest("Which vendors do you resell?", "manager", T1, null, null, null)),
                application.infoRequests());

        application.provideInfo(" Fortinet. ", "applicant", T2);

        assertEquals(ApplicationState.IN_REVIEW, application.state());
        assertEquals(T2, application.updatedAt());
        assertEquals(List.of(new InfoRequest("Which vendors do you resell?", "manager", T1, "Fortinet.", "applicant",
                T2)), application.infoRequests());
    }

    @Test
    void eachAnswerGoesToItsOwnQuestion() {
        application.startReview(T1);
        application.requestInfo("Which vendors?", "manager", T1);
        application.provideInfo("Fortinet.", "applicant", T2);
        application.requestInfo("In which countries?", "admin", T2);
        application.provideInfo("Germany and Austria.", "manager", T3);

        assertEquals(List.of(
                new InfoRequest("Which vendors?", "manager", T1, "Fortinet.", "applicant", T2),
                new InfoRequest("In which countries?", "admin", T2, "Germany and Austria.", "manager", T3)),
                application.infoRequests());
        application.approve(UUID.randomUUID(), "manager", T3);
        assertEquals(ApplicationState.APPROVED, application.state());
    }

    @Test
    void infoIsOnlyRequestedDuringAReviewAndOnlyProvidedWhenRequested() {
        IllegalTransitionException notInReview = assertThrows(IllegalTransitionException.class,
                () -> application.requestInfo("Which vendors?", "manager", T1));
        assertEquals("cannot request information on an application that is SUBMITTED", notInReview.getMessage());

        application.startReview(T1);
        IllegalTransitionException nothingAsked = assertThrows(IllegalTransitionException.class,
                () -> application.provideInfo("Fortinet.", "applicant", T2));
        assertEquals("cannot provide information for an application that is IN_REVIEW", nothingAsked.getMessage());
        assertEquals(List.of(), application.infoRequests());
    }

    @Test
    void aReviewStartsOnce() {
        application.startReview(T1);
        IllegalTransitionException again = assertThrows(IllegalTransitionException.class,
                () -> application.startReview(T2));
        assertEquals("cannot start reviewing an application that is IN_REVIEW", again.getMessage());
        assertEquals(T1, application.updatedAt());
    }

    @Test
    void anOpenQuestionBlocksApprovalButNotRejectionOrWithdrawal() {
        application.startReview(T1);
        application.requestInfo("Which vendors?", "manager", T1);

        assertThrows(IllegalTransitionException.class, () -> application.approve(UUID.randomUUID(), "manager", T2));
        application.reject("No answer in three weeks.", "manager", T3);
        assertEquals(ApplicationState.REJECTED, application.state());
        assertThrows(IllegalTransitionException.class, () -> application.provideInfo("Too late.", "applicant", T3));
    }

    @Test
    void blankQuestionsAndAnswersAreRefusedAndChangeNothing() {
        application.startReview(T1);
        assertThrows(IllegalArgumentException.class, () -> application.requestInfo(" ", "manager", T2));
        assertEquals(ApplicationState.IN_REVIEW, application.state());

        application.requestInfo("Which vendors?", "manager", T2);
        assertThrows(IllegalArgumentException.class, () -> application.provideInfo("", "applicant", T3));
        assertEquals(ApplicationState.INFO_REQUESTED, application.state());
    }
}
