package io.consort.campaign.campaign;

import io.consort.chassis.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A through-channel campaign: assets with merge fields, channels, schedule, targeting and budget.
 * {@code DRAFT → PUBLISHED → COMPLETED | ARCHIVED}; only drafts change.
 */
@Entity
@Table(name = "campaigns")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignState state;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> channels = new ArrayList<>();

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_tiers", nullable = false, columnDefinition = "text[]")
    public List<String> targetTiers = new ArrayList<>();

    @Column(name = "target_min_tier_rank")
    public Integer targetMinTierRank;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_program_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> targetProgramIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_regions", nullable = false, columnDefinition = "text[]")
    public List<String> targetRegions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_specialisations", nullable = false, columnDefinition = "text[]")
    public List<String> targetSpecialisations = new ArrayList<>();

    @Column(name = "budget_amount")
    public BigDecimal budgetAmount;

    @Column(name = "budget_currency")
    public String budgetCurrency;

    @Column(name = "landing_url", nullable = false)
    public String landingUrl;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Asset> assets = new ArrayList<>();

    @Column(name = "published_at")
    public Instant publishedAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public void requireDraft(String verb) {
        if (state != CampaignState.DRAFT) {
            throw Problems.conflict("campaign " + id + " is " + state + "; only a draft can be " + verb);
        }
    }

    /** DRAFT → PUBLISHED, once every merge field of every asset is known (else 422 naming them). */
    public void publish(Instant at) {
        requireDraft("published");
        List<String> problems = new ArrayList<>();
        for (Asset asset : assets) {
            String where = "asset '" + asset.name() + "'";
            problems.addAll(MergeFields.problems(where + " subject", asset.subject()));
            problems.addAll(MergeFields.problems(where + " text", asset.text()));
            problems.addAll(MergeFields.problems(where + " html", asset.html()));
        }
        if (assets.isEmpty()) {
            problems.add("a campaign needs at least one asset to be published");
        }
        if (!problems.isEmpty()) {
            throw Problems.unprocessable(String.join("; ", problems) + ". Known merge fields: "
                    + MergeFields.KNOWN.stream().sorted().map(f -> "{{" + f + "}}").toList());
        }
        state = CampaignState.PUBLISHED;
        publishedAt = at;
        updatedAt = at;
    }

    public void complete(Instant at) {
        if (state != CampaignState.PUBLISHED) {
            throw Problems.conflict("campaign " + id + " is " + state + "; only a published campaign can be completed");
        }
        state = CampaignState.COMPLETED;
        updatedAt = at;
    }

    public void archive(Instant at) {
        if (state == CampaignState.ARCHIVED) {
            throw Problems.conflict("campaign " + id + " is archived already");
        }
        state = CampaignState.ARCHIVED;
        updatedAt = at;
    }

    /** Whether a partner with these facts may enrol now (published, running, and targeted). */
    public boolean admits(PartnerFit partner, Instant at) {
        return state == CampaignState.PUBLISHED && (endsAt == null || at.isBefore(endsAt)) && partner.active()
                && (targetProgramIds.isEmpty() || targetProgramIds.contains(partner.programId()))
                && (targetRegions.isEmpty() || partner.region() != null && containsIgnoreCase(targetRegions, partner.region()))
                && (targetTiers.isEmpty() || containsIgnoreCase(targetTiers, partner.tier()))
                && (targetMinTierRank == null || partner.tierRank() >= targetMinTierRank)
                && (targetSpecialisations.isEmpty()
                        || partner.specialisations().stream().anyMatch(s -> containsIgnoreCase(targetSpecialisations, s)));
    }

    private static boolean containsIgnoreCase(List<String> values, String value) {
        return value != null && values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)));
    }

    /** What targeting reads about a partner. */
    public record PartnerFit(boolean active, UUID programId, String region, String tier, int tierRank,
            List<String> specialisations) {
    }
}
