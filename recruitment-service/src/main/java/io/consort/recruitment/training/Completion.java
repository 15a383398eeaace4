package io.consort.recruitment.training;

import io.consort.chassis.security.PartnerScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** One attempt at a module, judged once, against the passing score the module had at that moment. */
@Entity
@Table(name = "training_completions")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION)
public class Completion extends PersonalTrainingRecord {

    @Column(name = "enrolment_id", nullable = false)
    private UUID enrolmentId;

    @Column(nullable = false)
    private int score;

    @Column(name = "passing_score", nullable = false)
    private int passingScore;

    @Column(nullable = false)
    private boolean passed;

    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected Completion() {
        // for JPA
    }

    private Completion(UUID id, UUID partnerId, String userId, UUID moduleId) {
        super(id, partnerId, userId, moduleId);
    }

    /** Judges {@code score} against {@code module} and records the result on the enrolment. */
    public static Completion record(UUID id, Enrolment enrolment, TrainingModule module, int score, String by,
            Instant now) {
        if (!enrolment.moduleId().equals(module.id())) {
            throw new IllegalArgumentException("enrolment " + enrolment.id() + " is not for module " + module.id());
        }
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0–100, was " + score);
        }
        Completion c = new Completion(id, enrolment.partnerId(), enrolment.userId(), module.id());
        c.enrolmentId = enrolment.id();
        c.score = score;
        c.passingScore = module.passingScore();
        c.passed = module.passes(score);
        c.completedAt = Objects.requireNonNull(now);
        c.recordedBy = Objects.requireNonNull(by);
        enrolment.attempted(c.passed, now);
        return c;
    }

    public UUID enrolmentId() {
        return enrolmentId;
    }

    public int score() {
        return score;
    }

    public int passingScore() {
        return passingScore;
    }

    public boolean passed() {
        return passed;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
