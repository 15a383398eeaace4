package io.consort.campaign.mdf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A program's {@link AllocationRules} as stored: one row per program (not partner data, so no partner filter); its
 * version is the ETag, and every budget an allocation run opens names it.
 */
@Entity
@Table(name = "mdf_allocation_rules")
public class MdfAllocationRuleSet {

    private static final TypeReference<List<AllocationRules.TierAllocation>> TIERS = new TypeReference<>() {
    };

    @Id
    @Column(name = "program_id")
    public UUID programId;

    @Column(nullable = false, length = 3)
    public String currency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String tiers;

    @Column(name = "reimbursement_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal reimbursementPercent;

    @Column(name = "min_lead_days", nullable = false)
    public int minLeadDays;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "eligible_activity_types", nullable = false, columnDefinition = "text[]")
    public String[] eligibleActivityTypes;

    @Column(name = "max_request_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal maxRequestPercent;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Takes {@code rules} (already validated), written by {@code by}. */
    public void set(AllocationRules rules, ObjectMapper json, String by, Instant now) {
        try {
            tiers = json.writeValueAsString(rules.tiers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tier allocations not writable as JSON", e);
        }
        currency = rules.currency();
        reimbursementPercent = rules.reimbursementPercent();
        minLeadDays = rules.minLeadDays();
        eligibleActivityTypes = rules.eligibleActivityTypes().toArray(String[]::new);
        maxRequestPercent = rules.maxRequestPercent();
        updatedBy = by;
        updatedAt = now;
    }

    public AllocationRules rules(ObjectMapper json) {
        try {
            return new AllocationRules(currency, json.readValue(tiers, TIERS), reimbursementPercent, minLeadDays,
                    Arrays.asList(eligibleActivityTypes), maxRequestPercent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tier allocations of program " + programId + " unreadable", e);
        }
    }
}
