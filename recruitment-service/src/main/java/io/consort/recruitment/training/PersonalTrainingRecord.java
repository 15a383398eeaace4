package io.consort.recruitment.training;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;
import java.util.UUID;

/**
 * What every training record of a partner's person carries: whose it is (partner and user) and which
 * module it is about. Enrolments, completions and certifications add what happened; each entity declares
 * the partner-scope filter itself, on the {@code partner_id} column mapped here.
 */
@MappedSuperclass
public abstract class PersonalTrainingRecord {

    @Id
    private UUID id;

    @Column(name = "partner_id", nullable = false)
    private UUID partnerId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "module_id", nullable = false)
    private UUID moduleId;

    protected PersonalTrainingRecord() {
        // for JPA
    }

    protected PersonalTrainingRecord(UUID id, UUID partnerId, String userId, UUID moduleId) {
        this.id = Objects.requireNonNull(id);
        this.partnerId = Objects.requireNonNull(partnerId);
        this.userId = Objects.requireNonNull(userId);
        this.moduleId = Objects.requireNonNull(moduleId);
    }

    public UUID id() {
        return id;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public String userId() {
        return userId;
    }

    public UUID moduleId() {
        return moduleId;
    }
}
