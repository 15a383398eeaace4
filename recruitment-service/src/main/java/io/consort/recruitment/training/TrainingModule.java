package io.consort.recruitment.training;

import io.consort.chassis.persistence.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A training module partners' people take, with the score that passes it and, optionally, the
 * certification passing earns. Changes apply to attempts recorded afterwards: a completion keeps the
 * passing score it was judged by, a certification the expiry it was given.
 */
@Entity
@Table(name = "training_modules")
public class TrainingModule extends Audited {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "passing_score", nullable = false)
    private int passingScore;

    @Column(name = "certification_name")
    private String certificationName;

    @Column(name = "certification_validity_days")
    private Integer certificationValidityDays;

    protected TrainingModule() {
        // for JPA
    }

    /** What a module is made of; checked here so no caller can store a module that contradicts itself. */
    public record Definition(String title, String description, int durationMinutes, int passingScore,
            CertificationTerms certification) {

        public Definition {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("a module needs a title");
            }
            if (durationMinutes < 1) {
                throw new IllegalArgumentException("duration must be at least a minute");
            }
            if (passingScore < 0 || passingScore > 100) {
                throw new IllegalArgumentException("passing score must be 0–100, was " + passingScore);
            }
        }
    }

    /** The certification a module awards; {@code validityDays} null: it never expires. */
    public record CertificationTerms(String name, Integer validityDays) {

        public CertificationTerms {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a certification needs a name");
            }
            if (validityDays != null && validityDays < 1) {
                throw new IllegalArgumentException("validity must be at least a day");
            }
        }
    }

    public TrainingModule(UUID id, Definition definition, String by, Instant now) {
        this.id = Objects.requireNonNull(id);
        apply(definition);
        created(by, now);
    }

    public void redefine(Definition definition, String by, Instant now) {
        apply(definition);
        changed(by, now);
    }

    private void apply(Definition d) {
        this.title = d.title();
        this.description = d.description();
        this.durationMinutes = d.durationMinutes();
        this.passingScore = d.passingScore();
        this.certificationName = d.certification() == null ? null : d.certification().name();
        this.certificationValidityDays = d.certification() == null ? null : d.certification().validityDays();
    }

    /** Whether {@code score} passes: reaching the passing score is enough. */
    public boolean passes(int score) {
        return score >= passingScore;
    }

    public Optional<CertificationTerms> certification() {
        return certificationName == null ? Optional.empty()
                : Optional.of(new CertificationTerms(certificationName, certificationValidityDays));
    }

    /**
     * When a certification earned by a completion at {@code completedAt} expires: exactly validity days
     * later (24-hour days, so the instant does not shift with anyone's time zone); empty when it never does.
     */
    public Optional<Instant> certificationExpiry(Instant completedAt) {
        return certificationValidityDays == null ? Optional.empty()
                : Optional.of(completedAt.plus(Duration.ofDays(certificationValidityDays)));
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    public int passingScore() {
        return passingScore;
    }
}
