package io.consort.recruitment.training;

import io.consort.chassis.security.PartnerScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/**
 * A certification a partner's person earned by passing a module. The stored status turns EXPIRED when the
 * expiry sweep records it (and emits {@code certification.expired}); what the API shows is
 * {@link #statusAt(Instant)}, which is already EXPIRED between the expiry instant and the sweep.
 */
@Entity
@Table(name = "training_certifications")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION)
public class Certification extends PersonalTrainingRecord {

    @Column(name = "completion_id", nullable = false)
    private UUID completionId;

    @Column(nullable = false)
    private String name;

    @Column(name = "earned_at", nullable = false)
    private Instant earnedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CertificationStatus status;

    @Column(name = "expired_at")
    private Instant expiredAt;

    @Version
    private long version;

    protected Certification() {
        // for JPA
    }

    private Certification(UUID id, UUID partnerId, String userId, UUID moduleId) {
        super(id, partnerId, userId, moduleId);
    }

    /** The certification {@code module} awards for a passed {@code completion}, if it awards one. */
    public static Optional<Certification> earnedBy(UUID id, Completion completion, TrainingModule module) {
        if (!completion.passed()) {
            return Optional.empty();
        }
        return module.certification().map(terms -> {
            Certification c = new Certification(id, completion.partnerId(), completion.userId(), module.id());
            c.completionId = completion.id();
            c.name = terms.name();
            c.earnedAt = completion.completedAt();
            c.expiresAt = module.certificationExpiry(completion.completedAt()).orElse(null);
            c.status = CertificationStatus.ACTIVE;
            return c;
        });
    }

    /** ACTIVE until {@code expiresAt} (exclusive), EXPIRED from then on, whether or not the sweep has run. */
    public CertificationStatus statusAt(Instant now) {
        return status == CertificationStatus.EXPIRED || isDue(now) ? CertificationStatus.EXPIRED
                : CertificationStatus.ACTIVE;
    }

    /** Whether the sweep has an expiry to record at {@code now}. */
    public boolean isDue(Instant now) {
        return status == CertificationStatus.ACTIVE && expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Records the expiry; only a due certification expires. */
    public void expire(Instant now) {
        if (!isDue(now)) {
            throw new IllegalStateException("certification " + id() + " is not due to expire at " + now);
        }
        status = CertificationStatus.EXPIRED;
        expiredAt = now;
    }

    public UUID completionId() {
        return completionId;
    }

    public String name() {
        return name;
    }

    public Instant earnedAt() {
        return earnedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant expiredAt() {
        return expiredAt;
    }

    public long version() {
        return version;
    }
}
