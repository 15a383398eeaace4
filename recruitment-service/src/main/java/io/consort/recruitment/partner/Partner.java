package io.consort.recruitment.partner;

import io.consort.chassis.persistence.Audited;
import io.consort.chassis.security.PartnerScope;
import io.consort.recruitment.program.PartnerType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/**
 * A partner organisation. Its own id is its partner id, so the chassis partner-scope filter applies
 * on {@code id}: a partner-side caller cannot load any other partner, whichever query asks.
 */
@Entity
@Table(name = "partners")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION_ON_ID)
public class Partner extends Audited {

    @Id
    private UUID id;

    @Column(name = "program_id", nullable = false)
    private UUID programId;

    @Column(name = "application_id")
    private UUID applicationId;

    @Column(name = "parent_partner_id")
    private UUID parentPartnerId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_type", nullable = false)
    private PartnerType type;

    private String region;

    @Column(nullable = false)
    private String domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerState state;

    private String tier;

    @Column(name = "tier_changed_at")
    private Instant tierChangedAt;

    @Column(nullable = false)
    private String origin;

    protected Partner() {
        // for JPA
    }

    /** A partner that was just accepted into a program; it starts {@code ONBOARDING}. */
    public static Partner onboard(NewPartner p, String by, Instant now) {
        Partner partner = new Partner();
        partner.id = Objects.requireNonNull(p.id());
        partner.programId = Objects.requireNonNull(p.programId());
        partner.applicationId = p.applicationId();
        partner.name = Objects.requireNonNull(p.name());
        partner.type = Objects.requireNonNull(p.type());
        partner.region = p.region();
        partner.domain = Objects.requireNonNull(p.domain());
        partner.state = PartnerState.ONBOARDING;
        partner.created(by, now);
        partner.origin = by;
        return partner;
    }

    /**
     * Takes the tier performance decided at {@code decidedAt}, unless a tier decided later is already
     * here: events of one partner normally arrive in order, but a replay or a redelivery after a
     * rebalance can bring an older one back. {@code by} and {@code now} record the change itself.
     *
     * @return whether the tier was taken
     */
    public boolean changeTier(String newTier, Instant decidedAt, String by, Instant now) {
        if (newTier == null || newTier.isBlank() || newTier.length() > 40) {
            throw new IllegalArgumentException("a tier is a name of 1–40 characters, not '" + newTier + "'");
        }
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (tierChangedAt != null && !decidedAt.isAfter(tierChangedAt)) {
            return false;
        }
        tier = newTier;
        tierChangedAt = decidedAt;
        changed(by, now);
        origin = by;
        return true;
    }

    /** The partner finished onboarding: {@code ONBOARDING → ACTIVE}, or 409 from any other state. */
    public void activate(String by, Instant now) {
        state = state.after(PartnerState.Action.ACTIVATE);
        changed(by, now);
        origin = by;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public UUID parentPartnerId() {
        return parentPartnerId;
    }

    public String name() {
        return name;
    }

    public PartnerType type() {
        return type;
    }

    public String region() {
        return region;
    }

    public String domain() {
        return domain;
    }

    public PartnerState state() {
        return state;
    }

    public String tier() {
        return tier;
    }

    public Instant tierChangedAt() {
        return tierChangedAt;
    }


    public String origin() {
        return origin;
    }
}
