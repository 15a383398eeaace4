package io.consort.recruitment.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of modules, attempts and certifications, without Quarkus. */
class TrainingTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:30:00Z");
    private static final Instant COMPLETED = Instant.parse("2026-01-08T15:20:00.123456Z");

    private final TrainingModule certifying = module(80, new TrainingModule.CertificationTerms("Security Associate", 365));
    private final TrainingModule plain = module(50, null);

    @Test
    void reachingThePassingScorePasses() {
        assertTrue(certifying.passes(80));
        assertTrue(certifying.passes(100));
        assertFalse(certifying.passes(79));
        assertTrue(module(0, null).passes(0));
    }

    @Test
    void aCertificationExpiresExactlyItsValidityDaysAfterTheCompletion() {
        assertEquals(Optional.of(Instant.parse("2027-01-08T15:20:00.123456Z")), certifying.certificationExpiry(COMPLETED));
        TrainingModule forever = module(80, new TrainingModule.CertificationTerms("Lifetime", null));
        assertEquals(Optional.empty(), forever.certificationExpiry(COMPLETED));
    }

    @Test
    void aModuleDefinitionThatContradictsItselfIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingModule.Definition(" ", null, 30, 80, null));
        assertThrows(IllegalArgumentException.class, () -> new TrainingModule.Definition("T", null, 0, 80, null));
        assertThrows(IllegalArgumentException.class, () -> new TrainingModule.Definition("T", null, 30, 101, null));
        assertThrows(IllegalArgumentException.class, () -> new TrainingModule.CertificationTerms("C", 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingModule.CertificationTerms("", 30));
    }

    @Test
    void aPassingAttemptIsJudgedByTheScoreOfTheMomentAndPassesTheEnrolmentOnce() {
        Enrolment enrolment = enrolment(certifying);
        Completion failed = Completion.record(UUID.randomUUID(), enrolment, certifying, 79, "pat", COMPLETED);
        assertFalse(failed.passed());
        assertEquals(80, failed.passingScore());
        assertEquals(EnrolmentState.ENROLLED, enrolment.state());

        Completion passed = Completion.record(UUID.randomUUID(), enrolment, certifying, 80, "pat", COMPLETED.plusSeconds(60));
        assertTrue(passed.passed());
        assertEquals(EnrolmentState.PASSED, enrolment.state());
        assertEquals(COMPLETED.plusSeconds(60), enrolment.passedAt());

        // A later retake (to recertify) keeps the first pass.
        Completion.record(UUID.randomUUID(), enrolment, certifying, 95, "pat", COMPLETED.plusSeconds(120));
        assertEquals(COMPLETED.plusSeconds(60), enrolment.passedAt());

        // Raising the bar later does not change what was recorded.
        certifying.redefine(new TrainingModule.Definition("Security", null, 60, 90, null), "admin", COMPLETED);
        assertTrue(passed.passed());
        assertEquals(80, passed.passingScore());
    }

    @Test
    void anAttemptNeedsAScoreFrom0To100AndTheEnrolmentsModule() {
        Enrolment enrolment = enrolment(certifying);
        assertThrows(IllegalArgumentException.class,
                () -> Completion.record(UUID.randomUUID(), enrolment, certifying, 101, "pat", COMPLETED));
        assertThrows(IllegalArgumentException.class,
                () -> Completion.record(UUID.randomUUID(), enrolment, plain, 60, "pat", COMPLETED));
    }

    @Test
    void onlyAPassOfACertifyingModuleEarnsACertification() {
        Enrolment enrolment = enrolment(certifying);
        Completion failed = Completion.record(UUID.randomUUID(), enrolment, certifying, 10, "pat", COMPLETED);
        assertTrue(Certification.earnedBy(UUID.randomUUID(), failed, certifying).isEmpty());

        Completion passedPlain = Completion.record(UUID.randomUUID(), enrolment(plain), plain, 60, "pat", COMPLETED);
        assertTrue(Certification.earnedBy(UUID.randomUUID(), passedPlain, plain).isEmpty());

        Completion passed = Completion.record(UUID.randomUUID(), enrolment, certifying, 90, "pat", COMPLETED);
        Certification earned = Certification.earnedBy(UUID.randomUUID(), passed, certifying).orElseThrow();
        assertEquals("Security Associate", earned.name());
        assertEquals(enrolment.userId(), earned.userId());
        assertEquals(enrolment.partnerId(), earned.partnerId());
        assertEquals(passed.id(), earned.completionId());
        assertEquals(COMPLETED, earned.earnedAt());
        assertEquals(Instant.parse("2027-01-08T15:20:00.123456Z"), earned.expiresAt());
    }

    @Test
    void aCertificationIsExpiredFromItsExpiryInstantEvenBeforeTheSweepRecordsIt() {
        Certification c = earned(certifying);
        Instant expiry = c.expiresAt();

        assertEquals(CertificationStatus.ACTIVE, c.statusAt(expiry.minusNanos(1000)));
        assertFalse(c.isDue(expiry.minusNanos(1000)));
        assertEquals(CertificationStatus.EXPIRED, c.statusAt(expiry));
        assertTrue(c.isDue(expiry));

        assertThrows(IllegalStateException.class, () -> c.expire(expiry.minusSeconds(1)));
        c.expire(expiry.plusSeconds(30));
        assertEquals(expiry.plusSeconds(30), c.expiredAt());
        assertEquals(CertificationStatus.EXPIRED, c.statusAt(expiry.minusSeconds(3600)));
        assertFalse(c.isDue(expiry.plusSeconds(60)), "recorded once");
    }

    @Test
    void aCertificationWithoutValidityNeverExpires() {
        Certification c = earned(module(80, new TrainingModule.CertificationTerms("Lifetime", null)));
        assertNull(c.expiresAt());
        assertEquals(CertificationStatus.ACTIVE, c.statusAt(Instant.parse("2126-01-01T00:00:00Z")));
        assertFalse(c.isDue(Instant.parse("2126-01-01T00:00:00Z")));
    }

    private static Certification earned(TrainingModule module) {
        Completion passed = Completion.record(UUID.randomUUID(), enrolment(module), module, 100, "pat", COMPLETED);
        return Certification.earnedBy(UUID.randomUUID(), passed, module).orElseThrow();
    }

    private static TrainingModule module(int passingScore, TrainingModule.CertificationTerms certification) {
        return new TrainingModule(UUID.randomUUID(),
                new TrainingModule.Definition("Security", null, 60, passingScore, certification), "admin", CREATED);
    }

    private static Enrolment enrolment(TrainingModule module) {
        return new Enrolment(UUID.randomUUID(), UUID.randomUUID(), "user-7", module.id(), "pat", CREATED);
    }
}
