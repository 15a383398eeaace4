package io.consort.campaign.mdf;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a program's allocation rules, as it read while it was current: written with every change of the
 * rule set (the first one included) and never changed (the table refuses UPDATE and DELETE), so the version an
 * ALLOCATED ledger entry or an approval names can be read back.
 */
@Entity
@Table(name = "mdf_allocation_rule_versions")
@IdClass(MdfAllocationRuleVersion.Key.class)
public class MdfAllocationRuleVersion {

    @Id
    @Column(name = "program_id")
    public UUID programId;

    @Id
    public long version;

    @Embedded
    public MdfAllocationRuleTerms terms;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The version {@code set} has now (after its flush, which numbered it). */
    public static MdfAllocationRuleVersion of(MdfAllocationRuleSet set) {
        MdfAllocationRuleVersion v = new MdfAllocationRuleVersion();
        v.programId = set.programId;
        v.version = set.version;
        v.terms = set.terms.copy();
        v.changedBy = set.updatedBy;
        v.changedAt = set.updatedAt;
        return v;
    }

    /** The composite key: program and version. */
    public static class Key implements Serializable {

        public UUID programId;
        public long version;

        public Key() {
        }

        public Key(UUID programId, long version) {
            this.programId = programId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.version == version && Objects.equals(k.programId, programId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(programId, version);
        }
    }
}
