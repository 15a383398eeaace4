package io.consort.campaign.routing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A vendor's lead routing rule: which leads it takes (regions, specialisations), which partners may get
 * them (programs, minimum tier rank, region/specialisation match), how much each tier weighs in the
 * rotation, how many open leads a partner may hold, and how long a partner has to accept. The first
 * active rule by priority that applies to a lead routes it. Every change is a new version.
 */
@Entity
@Table(name = "routing_rules")
public class RoutingRule extends PanacheEntityBase implements RoutingPolicy.RuleTerms {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int priority;

    @Column(nullable = false)
    public boolean active;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "lead_regions", nullable = false, columnDefinition = "text[]")
    public List<String> leadRegions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "lead_specialisations", nullable = false, columnDefinition = "text[]")
    public List<String> leadSpecialisations = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "program_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> programIds = new ArrayList<>();

    @Column(name = "match_region", nullable = false)
    public boolean matchRegion;

    @Column(name = "match_specialisation", nullable = false)
    public boolean matchSpecialisation;

    @Column(name = "min_tier_rank", nullable = false)
    public int minTierRank;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tier_weights", nullable = false, columnDefinition = "jsonb")
    public Map<String, Integer> tierWeights = new LinkedHashMap<>();

    @Column(name = "default_weight", nullable = false)
    public int defaultWeight;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "acceptance_sla_seconds", nullable = false)
    public long acceptanceSlaSeconds;

    /** Advanced by the router with SQL while it holds the rule row; never written from the entity. */
    @Column(name = "rotation_clock", nullable = false, insertable = true, updatable = false)
    public long rotationClock;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Override
    public List<String> leadRegions() {
        return leadRegions;
    }

    @Override
    public List<String> leadSpecialisations() {
        return leadSpecialisations;
    }

    @Override
    public boolean matchRegion() {
        return matchRegion;
    }

    @Override
    public boolean matchSpecialisation() {
        return matchSpecialisation;
    }

    @Override
    public int minTierRank() {
        return minTierRank;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** The tier's weight (names compared case-insensitively), else the default weight. */
    @Override
    public int weightOf(String tier) {
        if (tier != null) {
            for (Map.Entry<String, Integer> entry : tierWeights.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(tier)) {
                    return entry.getValue();
                }
            }
        }
        return defaultWeight;
    }

    public Duration acceptanceSla() {
        return Duration.ofSeconds(acceptanceSlaSeconds);
    }

    static Map<String, Integer> normalised(Map<String, Integer> weights) {
        Map<String, Integer> copy = new LinkedHashMap<>();
        weights.forEach((tier, weight) -> copy.put(tier.toUpperCase(Locale.ROOT), weight));
        return copy;
    }
}
