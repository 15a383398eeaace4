package io.consort.recruitment.training;

import io.consort.chassis.security.PartnerScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** A partner's person taking a module; one per person and module, however many attempts follow. */
@Entity
@Table(name = "training_enrolments")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION)
public class Enrolment extends PersonalTrainingRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrolmentState state;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "enrolled_by", nullable = false)
    private String enrolledBy;

    @Column(name = "passed_at")
    private Instant passedAt;

    @Version
    private long version;

    protected Enrolment() {
        // for JPA
    }

    public Enrolment(UUID id, UUID partnerId, String userId, UUID moduleId, String by, Instant now) {
        super(id, partnerId, userId, moduleId);
        this.state = EnrolmentState.ENROLLED;
        this.enrolledAt = Objects.requireNonNull(now);
        this.enrolledBy = Objects.requireNonNull(by);
    }

    /** Records an attempt's result; the first pass is the one the enrolment remembers. */
    public void attempted(boolean passed, Instant at) {
        if (passed && state == EnrolmentState.ENROLLED) {
            state = EnrolmentState.PASSED;
            passedAt = at;
        }
    }

    public EnrolmentState state() {
        return state;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public String enrolledBy() {
        return enrolledBy;
    }

    public Instant passedAt() {
        return passedAt;
    }

    public long version() {
        return version;
    }
}
