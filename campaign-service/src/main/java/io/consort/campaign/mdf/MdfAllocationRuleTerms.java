package io.consort.campaign.mdf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The columns an {@link AllocationRules} is stored in: the same in the program's current rule set
 * ({@link MdfAllocationRuleSet}) and in each of its versions ({@link MdfAllocationRuleVersion}), so a version reads
 * back exactly as the rules read when it was current.
 */
@Embeddable
public class MdfAllocationRuleTerms {

    private static final TypeReference<List<AllocationRules.TierAllocation>> TIERS = new TypeReference<>() {
    };

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

    /** {@code rules} (already validated) as columns. */
    public static MdfAllocationRuleTerms of(AllocationRules rules, ObjectMapper json) {
        MdfAllocationRuleTerms t = new MdfAllocationRuleTerms();
        try {
            t.tiers = json.writeValueAsString(rules.tiers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tier allocations not writable as JSON", e);
        }
        t.currency = rules.currency();
        t.reimbursementPercent = rules.reimbursementPercent();
        t.minLeadDays = rules.minLeadDays();
        t.eligibleActivityTypes = rules.eligibleActivityTypes().toArray(String[]::new);
        t.maxRequestPercent = rules.maxRequestPercent();
        return t;
    }

    /** The same values in an instance of their own (an embedded value belongs to one entity). */
    public MdfAllocationRuleTerms copy() {
        MdfAllocationRuleTerms t = new MdfAllocationRuleTerms();
        t.currency = currency;
        t.tiers = tiers;
        t.reimbursementPercent = reimbursementPercent;
        t.minLeadDays = minLeadDays;
        t.eligibleActivityTypes = eligibleActivityTypes.clone();
        t.maxRequestPercent = maxRequestPercent;
        return t;
    }

    /** The rules these columns hold; {@code owner} names them in the error should the stored JSON be unreadable. */
    public AllocationRules rules(ObjectMapper json, String owner) {
        try {
            return new AllocationRules(currency, json.readValue(tiers, TIERS), reimbursementPercent, minLeadDays,
                    Arrays.asList(eligibleActivityTypes), maxRequestPercent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tier allocations of " + owner + " unreadable", e);
        }
    }
}
