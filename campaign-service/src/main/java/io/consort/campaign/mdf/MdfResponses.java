package io.consort.campaign.mdf;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the MDF endpoints answer. */
public final class MdfResponses {

    private MdfResponses() {
    }

    @Schema(name = "MdfBudget", examples = """
            {"id": "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c", "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
             "programId": null, "period": "2027-Q1", "periodStarts": "2027-01-01", "periodEnds": "2027-03-31", "currency": "EUR",
             "allocated": {"amount": "25000.00", "currency": "EUR"}, "committed": {"amount": "5000.00", "currency": "EUR"},
             "claimed": {"amount": "4200.00", "currency": "EUR"}, "paid": {"amount": "4200.00", "currency": "EUR"},
             "available": {"amount": "20000.00", "currency": "EUR"}, "createdAt": "2026-12-07T10:00:00Z",
             "updatedAt": "2027-01-20T12:00:00Z"}""")
    public record Budget(
            @Schema(required = true, format = "uuid") UUID id,
            @Schema(required = true, format = "uuid") UUID partnerId,
            @Schema(nullable = true, format = "uuid") UUID programId,
            @Schema(required = true) String period,
            @Schema(required = true, format = "date") LocalDate periodStarts,
            @Schema(required = true, format = "date") LocalDate periodEnds,
            @Schema(required = true) String currency,
            @Schema(required = true, description = "Σ allocations") Money allocated,
            @Schema(required = true, description = "Reserved by approved requests, claimed or not (Σ committed − Σ released)") Money committed,
            @Schema(required = true, description = "Σ approved claims") Money claimed,
            @Schema(required = true, description = "Σ payments") Money paid,
            @Schema(required = true, description = "allocated − committed: what requests may still be approved for") Money available,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt) {

        static Budget of(MdfBudget b, Balances balances) {
            return new Budget(b.id, b.partnerId, b.programId, b.period, b.periodStarts, b.periodEnds, b.currency,
                    balances.allocated(), balances.committed(), balances.claimed(), balances.paid(), balances.available(),
                    b.createdAt, b.updatedAt);
        }
    }

    @Schema(name = "MdfStatementLine", examples = """
            {"seq": 2, "kind": "COMMITTED", "amount": {"amount": "5000.00", "currency": "EUR"},
             "requestId": "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b", "claimId": null, "note": null, "actor": "manager",
             "occurredAt": "2026-12-08T10:00:00Z", "available": {"amount": "20000.00", "currency": "EUR"}}""")
    public record StatementLine(
            @Schema(required = true) long seq,
            @Schema(required = true) LedgerKind kind,
            @Schema(required = true) Money amount,
            @Schema(nullable = true, format = "uuid") UUID requestId,
            @Schema(nullable = true, format = "uuid") UUID claimId,
            @Schema(nullable = true) String note,
            @Schema(required = true) String actor,
            @Schema(required = true) Instant occurredAt,
            @Schema(required = true, description = "What remained available after this entry") Money available) {
    }

    @Schema(name = "MdfStatement", description = "A budget's ledger from its first entry, with the balances it adds up to.",
            examples = "{\"budget\": {\"id\": \"4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c\"}, \"lines\": []}")
    public record Statement(
            @Schema(required = true, description = "The budget with the balances the lines add up to") Budget budget,
            @Schema(required = true) List<StatementLine> lines) {
    }

    @Schema(name = "MdfFundRequest", examples = """
            {"id": "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b", "budgetId": "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c",
             "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "campaignId": null, "activity": "Joint webinar",
             "activityType": "WEBINAR", "plannedDate": "2027-02-10", "requested": {"amount": "5000.00", "currency": "EUR"}, "state": "APPROVED",
             "approved": {"amount": "5000.00", "currency": "EUR"}, "claimed": {"amount": "0.00", "currency": "EUR"},
             "expiresAt": "2027-03-31T23:59:59Z", "decisionNote": null, "decidedBy": "manager",
             "decidedAt": "2026-12-08T10:00:00Z", "submittedAt": "2026-12-07T10:00:00Z", "updatedAt": "2026-12-08T10:00:00Z"}""")
    public record FundRequest(
            @Schema(required = true, format = "uuid") UUID id,
            @Schema(required = true, format = "uuid") UUID budgetId,
            @Schema(required = true, format = "uuid") UUID partnerId,
            @Schema(nullable = true, format = "uuid") UUID campaignId,
            @Schema(required = true) String activity,
            @Schema(nullable = true, description = "Checked against the program's eligible activity types") String activityType,
            @Schema(required = true, format = "date") LocalDate plannedDate,
            @Schema(required = true) Money requested,
            @Schema(required = true) MdfRequestState state,
            @Schema(nullable = true, description = "Set once approved") Money approved,
            @Schema(required = true, description = "Σ approved claims against it") Money claimed,
            @Schema(nullable = true) Instant expiresAt,
            @Schema(nullable = true) String decisionNote,
            @Schema(nullable = true) String decidedBy,
            @Schema(nullable = true) Instant decidedAt,
            @Schema(required = true) Instant submittedAt,
            @Schema(required = true) Instant updatedAt) {

        static FundRequest of(MdfRequest r, BigDecimal claimed) {
            return new FundRequest(r.id, r.budgetId, r.partnerId, r.campaignId, r.activity, r.activityType, r.plannedDate, r.requested(),
                    r.state, r.approved(), Money.of(claimed == null ? BigDecimal.ZERO : claimed, r.currency), r.expiresAt,
                    r.decisionNote, r.decidedBy, r.decidedAt, r.submittedAt, r.updatedAt);
        }
    }

    @Schema(name = "MdfClaim", examples = """
            {"id": "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e", "requestId": "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b",
             "budgetId": "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c", "partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
             "amount": {"amount": "4200.00", "currency": "EUR"}, "approved": {"amount": "4200.00", "currency": "EUR"},
             "invoiceTotal": {"amount": "8400.00", "currency": "EUR"}, "invoiceNumber": "INV-2027-0042", "proofLinks": ["https://files.example.com/webinar-report.pdf"], "state": "PAID",
             "reason": null, "decidedBy": "manager", "decidedAt": "2027-01-18T09:00:00Z", "paidAt": "2027-01-20T12:00:00Z",
             "paymentReference": "SEPA-0042", "submittedAt": "2027-01-15T09:00:00Z", "updatedAt": "2027-01-20T12:00:00Z"}""")
    public record Claim(
            @Schema(required = true, format = "uuid") UUID id,
            @Schema(required = true, format = "uuid") UUID requestId,
            @Schema(required = true, format = "uuid") UUID budgetId,
            @Schema(required = true, format = "uuid") UUID partnerId,
            @Schema(required = true, description = "What was claimed") Money amount,
            @Schema(nullable = true, description = "What was approved (≤ claimed)") Money approved,
            @Schema(nullable = true, description = "The activity's invoiced cost, of which the program reimburses its share") Money invoiceTotal,
            @Schema(required = true) String invoiceNumber,
            @Schema(required = true) List<String> proofLinks,
            @Schema(required = true) MdfClaimState state,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) String decidedBy,
            @Schema(nullable = true) Instant decidedAt,
            @Schema(nullable = true) Instant paidAt,
            @Schema(nullable = true) String paymentReference,
            @Schema(required = true) Instant submittedAt,
            @Schema(required = true) Instant updatedAt) {

        static Claim of(MdfClaim c) {
            return new Claim(c.id, c.requestId, c.budgetId, c.partnerId, c.claimed(), c.approved(), c.invoiceTotal(), c.invoiceNumber,
                    List.of(c.proofLinks), c.state, c.reason, c.decidedBy, c.decidedAt, c.paidAt, c.paymentReference,
                    c.submittedAt, c.updatedAt);
        }
    }

    @Schema(name = "MdfBudgetPage", examples = "{\"items\": [], \"nextCursor\": null}")
    public record BudgetPage(@Schema(required = true) List<Budget> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "MdfFundRequestPage", examples = "{\"items\": [], \"nextCursor\": null}")
    public record FundRequestPage(@Schema(required = true) List<FundRequest> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "MdfClaimPage", examples = "{\"items\": [], \"nextCursor\": null}")
    public record ClaimPage(@Schema(required = true) List<Claim> items, @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "MdfTierAllocation", examples = """
            {"tier": "GOLD", "fixed": {"amount": "10000.00", "currency": "EUR"}, "revenuePercent": "2.5",
             "revenueCap": {"amount": "15000.00", "currency": "EUR"}}""")
    public record TierAllocation(
            @Schema(required = true) String tier,
            @Schema(required = true) Money fixed,
            @Schema(required = true, type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenuePercent,
            @Schema(nullable = true) Money revenueCap) {

        static TierAllocation of(AllocationRules.TierAllocation t, String currency) {
            return new TierAllocation(t.tier(), Money.of(t.fixed(), currency), t.revenuePercent(),
                    t.revenueCap() == null ? null : Money.of(t.revenueCap(), currency));
        }
    }

    @Schema(name = "MdfAllocationRules", examples = """
            {"programId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "currency": "EUR",
             "tiers": [{"tier": "GOLD", "fixed": {"amount": "10000.00", "currency": "EUR"}, "revenuePercent": "2.5",
                        "revenueCap": {"amount": "15000.00", "currency": "EUR"}}],
             "reimbursementPercent": "50", "minLeadDays": 14, "eligibleActivityTypes": ["EVENT", "WEBINAR"],
             "maxRequestPercent": "40", "version": 2, "updatedBy": "manager", "updatedAt": "2026-12-07T10:00:00Z"}""")
    public record AllocationRuleSet(
            @Schema(required = true, format = "uuid") UUID programId,
            @Schema(required = true) String currency,
            @Schema(required = true) List<TierAllocation> tiers,
            @Schema(required = true, type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal reimbursementPercent,
            @Schema(required = true) int minLeadDays,
            @Schema(required = true, description = "Empty: every activity type") List<String> eligibleActivityTypes,
            @Schema(required = true, type = SchemaType.STRING) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxRequestPercent,
            @Schema(required = true, description = "The ETag's number; named in the ledger note of every budget it allocated "
                    + "and of every approval checked against it; GET .../allocation-rules/versions/{version} reads it back") long version,
            @Schema(required = true) String updatedBy,
            @Schema(required = true) Instant updatedAt) {

        static AllocationRuleSet of(MdfAllocationRuleSet set, AllocationRules rules) {
            return of(set.programId, rules, set.version, set.updatedBy, set.updatedAt);
        }

        /** A version as it read while it was current: its number, who wrote it and when. */
        static AllocationRuleSet of(MdfAllocationRuleVersion v, AllocationRules rules) {
            return of(v.programId, rules, v.version, v.changedBy, v.changedAt);
        }

        private static AllocationRuleSet of(UUID programId, AllocationRules rules, long version, String by, Instant at) {
            return new AllocationRuleSet(programId, rules.currency(),
                    rules.tiers().stream().map(t -> TierAllocation.of(t, rules.currency())).toList(),
                    rules.reimbursementPercent(), rules.minLeadDays(), rules.eligibleActivityTypes(), rules.maxRequestPercent(),
                    version, by, at);
        }
    }

    @Schema(name = "MdfAllocatedBudget", examples = """
            {"partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "tier": "GOLD", "budgetId": "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c",
             "amount": {"amount": "11000.00", "currency": "EUR"},
             "basis": "tier GOLD: 10000.00 EUR fixed + 2.5 % of 40000.00 EUR won = 1000.00 EUR"}""")
    public record AllocatedBudget(
            @Schema(required = true, format = "uuid") UUID partnerId,
            @Schema(required = true) String tier,
            @Schema(required = true, format = "uuid") UUID budgetId,
            @Schema(required = true) Money amount,
            @Schema(required = true, description = "How the amount follows from the rules") String basis) {
    }

    @Schema(name = "MdfSkippedPartner", examples = """
            {"partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "tier": "REGISTERED", "reason": "no allocation rule for tier REGISTERED"}""")
    public record SkippedPartner(
            @Schema(required = true, format = "uuid") UUID partnerId,
            @Schema(required = true) String tier,
            @Schema(required = true) String reason) {
    }

    @Schema(name = "MdfAllocationRun", examples = """
            {"programId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "period": "2027-Q1", "revenuePeriod": "2026-Q4",
             "rulesVersion": 2, "allocated": [], "skipped": []}""")
    public record AllocationRun(
            @Schema(required = true, format = "uuid") UUID programId,
            @Schema(required = true) String period,
            @Schema(required = true, description = "The period whose won revenue the percentages apply to") String revenuePeriod,
            @Schema(required = true) long rulesVersion,
            @Schema(required = true, description = "Budgets opened by this run") List<AllocatedBudget> allocated,
            @Schema(required = true, description = "The program's active partners given nothing, and why (among them those "
                    + "that already had a budget for the period: a second run allocates nothing twice)") List<SkippedPartner> skipped) {
    }
}
