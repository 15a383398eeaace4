package io.consort.campaign.partner;

import io.consort.chassis.security.PartnerScope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What the campaign service knows about a partner, learned only from events: lifecycle status,
 * profile, contact e-mail and tier. Each aspect keeps the {@code occurredAt} of the fact it holds and
 * takes a fact only when it is newer (the contact: older, since it is the <em>first</em>
 * partner-admin), so duplicates and late deliveries never move it backwards, and applying the same
 * facts in any order ends in the same row. Keyed by the partner id, so the chassis scope filter
 * applies on {@code id}: a partner-side caller only loads its own partner (and, for a partner-admin,
 * its descendants).
 */
@Entity
@Table(name = "partners")
@Filter(name = PartnerScope.FILTER, condition = PartnerScope.CONDITION_ON_ID)
public class Partner extends PanacheEntityBase {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private PartnerStatus status;

    @Column(name = "status_at")
    private Instant statusAt;

    @Column(name = "program_id")
    private UUID programId;

    private String name;

    @Column(name = "partner_type")
    private String partnerType;

    private String region;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> specialisations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> industries = new ArrayList<>();

    private String website;

    private String domain;

    @Column(name = "parent_partner_id")
    private UUID parentPartnerId;

    @Column(name = "listed_in_directory", nullable = false)
    private boolean listedInDirectory;

    @Column(name = "profile_at")
    private Instant profileAt;

    @Column(name = "contact_email")
    private String contactEmail;

    @Column(name = "contact_at")
    private Instant contactAt;

    @Column(nullable = false)
    private String tier = Tiers.ENTRY;

    @Column(name = "tier_rank", nullable = false)
    private int tierRank = Tiers.ENTRY_RANK;

    @Column(name = "tier_at")
    private Instant tierAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Partner() {
    }

    /** A partner nothing is known about yet: no status, the entry tier. */
    public Partner(UUID id, Instant now) {
        this.id = id;
        this.updatedAt = now;
    }

    /** Takes the lifecycle status of a fact that happened at {@code at}, unless a newer one is held. */
    public boolean applyStatus(PartnerStatus newStatus, Instant at, Instant now) {
        if (!newer(at, statusAt)) {
            return false;
        }
        status = newStatus;
        statusAt = at;
        updatedAt = now;
        return true;
    }

    /** Takes the profile fields a fact carried, unless a newer profile is held; absent fields stay. */
    public boolean applyProfile(PartnerProfile profile, Instant at, Instant now) {
        if (!newer(at, profileAt)) {
            return false;
        }
        if (profile.programId() != null) {
            programId = profile.programId();
        }
        if (profile.name() != null) {
            name = profile.name();
        }
        if (profile.partnerType() != null) {
            partnerType = profile.partnerType();
        }
        if (profile.region() != null) {
            region = profile.region();
        }
        if (profile.specialisations() != null) {
            specialisations = new ArrayList<>(profile.specialisations());
        }
        if (profile.industries() != null) {
            industries = new ArrayList<>(profile.industries());
        }
        if (profile.website() != null) {
            website = profile.website();
        }
        if (profile.domain() != null) {
            domain = profile.domain();
        }
        if (profile.parentPartnerIdPresent()) {
            parentPartnerId = profile.parentPartnerId();
        }
        if (profile.listedInDirectory() != null) {
            listedInDirectory = profile.listedInDirectory();
        }
        profileAt = at;
        updatedAt = now;
        return true;
    }

    /**
     * Program only, from a lifecycle fact that names it (suspended, reinstated...): fills a program not
     * known yet, never overrides one a profile set.
     */
    public void fillProgram(UUID program) {
        if (programId == null && program != null) {
            programId = program;
        }
    }

    /** The first partner-admin's e-mail is the contact: an earlier one replaces a later one. */
    public boolean applyContact(String email, Instant at, Instant now) {
        if (contactAt != null && !at.isBefore(contactAt)) {
            return false;
        }
        contactEmail = email;
        contactAt = at;
        updatedAt = now;
        return true;
    }

    /** Takes a tier decided at {@code at}, unless a newer decision is held. */
    public boolean applyTier(String newTier, int rank, Instant at, Instant now) {
        if (!newer(at, tierAt)) {
            return false;
        }
        tier = newTier;
        tierRank = rank;
        tierAt = at;
        updatedAt = now;
        return true;
    }

    private static boolean newer(Instant at, Instant held) {
        return held == null || at.isAfter(held);
    }

    public boolean isActive() {
        return status == PartnerStatus.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    /** Null until a lifecycle event about the partner arrived. */
    public PartnerStatus status() {
        return status;
    }

    public Instant statusAt() {
        return statusAt;
    }

    public UUID programId() {
        return programId;
    }

    public String name() {
        return name;
    }

    public String partnerType() {
        return partnerType;
    }

    public String region() {
        return region;
    }

    public List<String> specialisations() {
        return List.copyOf(specialisations);
    }

    public List<String> industries() {
        return List.copyOf(industries);
    }

    public String website() {
        return website;
    }

    public String domain() {
        return domain;
    }

    public UUID parentPartnerId() {
        return parentPartnerId;
    }

    public boolean listedInDirectory() {
        return listedInDirectory;
    }

    public Instant profileAt() {
        return profileAt;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String tier() {
        return tier;
    }

    public int tierRank() {
        return tierRank;
    }

    public Instant tierAt() {
        return tierAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
