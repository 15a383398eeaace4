package io.consort.performance.scorecard;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner's standing in its program: tier and score. Partner-scoped through {@link PartnerOwned}.
 * Opened by {@link Scorecards#open} at the entry tier with a zero score, timed by the event rather
 * than the clock, so replaying the topics rebuilds the same card.
 */
@Entity
@Table(name = "scorecard")
public class Scorecard extends PartnerOwned {

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(nullable = false)
    public int score;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    static Optional<Scorecard> ofPartner(UUID partnerId) {
        return find("partnerId", partnerId).firstResultOptional();
    }
}
