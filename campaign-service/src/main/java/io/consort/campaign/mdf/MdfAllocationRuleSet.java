package io.consort.campaign.mdf;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A program's current {@link AllocationRules} as stored: one row per program (not partner data, so no partner
 * filter); its version is the ETag, every budget an allocation run opens names it, and each version is kept in
 * {@link MdfAllocationRuleVersion}.
 */
@Entity
@Table(name = "mdf_allocation_rules")
public class MdfAllocationRuleSet {

    @Id
    @Column(name = "program_id")
    public UUID programId;

    @Embedded
    public MdfAllocationRuleTerms terms;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Takes {@code rules} (already validated), written by {@code by}. */
    public void set(AllocationRules rules, ObjectMapper json, String by, Instant now) {
        terms = MdfAllocationRuleTerms.of(rules, json);
        updatedBy = by;
        updatedAt = now;
    }

    public AllocationRules rules(ObjectMapper json) {
        return terms.rules(json, "program " + programId);
    }
}
