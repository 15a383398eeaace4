package io.consort.performance.scorecard;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner's current standing in its program: tier, score, KPI breakdown and why. Partner-scoped
 * through {@link PartnerOwned}. Opened at the entry tier when the partner starts onboarding, then
 * re-evaluated from all the partner's facts on every new one ({@link Standings}).
 */
@Entity
@Table(name = "scorecard")
public class Scorecard extends PartnerOwned {

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(nullable = false)
    public String tier;

    @Column(name = "tier_rank", nullable = false)
    public int tierRank;

    @Column(nullable = false)
    public int score;

    @Column(name = "eligible_tier")
    public String eligibleTier;

    @Column(name = "downgrade_due_on")
    public LocalDate downgradeDueOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Map<String, Object>> contributions;

    public String explanation;

    @Column(name = "partner_name")
    public String partnerName;

    public String region;

    @Column(name = "evaluated_on")
    public LocalDate evaluatedOn;

    @Column(name = "last_change_at")
    public OffsetDateTime lastChangeAt;

    @Column(name = "dirty_from")
    public LocalDate dirtyFrom;

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
