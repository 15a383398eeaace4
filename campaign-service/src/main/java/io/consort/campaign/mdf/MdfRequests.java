package io.consort.campaign.mdf;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the MDF endpoints. */
public final class MdfRequests {

    /** An activity type or tier name: UPPER_SNAKE. */
    static final String ACTIVITY_TYPE = "^[A-Z][A-Z0-9_]{0,49}$";

    private static final String PERCENT = "^[0-9]{1,3}(\\.[0-9]{1,2})?$";

    private MdfRequests() {
    }

    @Schema(name = "MdfBudgetRequest", examples = """
            {"partnerId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "period": "2027-Q1",
             "allocated": {"amount": "25000.00", "currency": "EUR"}, "note": "Q1 allocation"}""")
    public record Budget(
            @Schema(required = true, format = "uuid") @NotNull UUID partnerId,
            @Schema(nullable = true, format = "uuid", description = "The program whose allocation rules set it") UUID programId,
            @Schema(required = true, pattern = "^[0-9]{4}(-Q[1-4])?$", description = "A year (2027) or a quarter (2027-Q1)")
            @NotBlank String period,
            @Schema(required = true, description = "The first allocation; its currency is the budget's") @NotNull @Valid Money allocated,
            @Schema(nullable = true, maxLength = 2000) @Size(max = 2000) String note) {
    }

    @Schema(name = "MdfAllocationRequest", examples = "{\"amount\": {\"amount\": \"-2000.00\", \"currency\": \"EUR\"}, \"note\": \"mid-quarter cut\"}")
    public record Allocation(
            @Schema(required = true, description = "Added to the allocation; negative lowers it, never below what is committed")
            @NotNull @Valid Money amount,
            @Schema(nullable = true, maxLength = 2000) @Size(max = 2000) String note) {
    }

    @Schema(name = "MdfFundRequestRequest", examples = """
            {"budgetId": "4f5a6b7c-8d9e-4f0a-9b2c-3d4e5f6a7b8c", "activity": "Joint webinar on analytics",
             "activityType": "WEBINAR", "plannedDate": "2027-02-10", "amount": {"amount": "5000.00", "currency": "EUR"},
             "campaignId": null}""")
    public record FundRequest(
            @Schema(required = true, format = "uuid") @NotNull UUID budgetId,
            @Schema(nullable = true, format = "uuid", description = "The campaign it funds") UUID campaignId,
            @Schema(required = true, maxLength = 500) @NotBlank @Size(max = 500) String activity,
            @Schema(nullable = true, pattern = ACTIVITY_TYPE, description = "Required when the program lists eligible activity types")
            @Pattern(regexp = ACTIVITY_TYPE) String activityType,
            @Schema(required = true, format = "date") @NotNull LocalDate plannedDate,
            @Schema(required = true) @NotNull @Valid Money amount) {
    }

    @Schema(name = "MdfResubmitRequest", examples = "{\"activity\": \"Joint webinar with agenda\", \"amount\": {\"amount\": \"4000.00\", \"currency\": \"EUR\"}}")
    public record Resubmit(
            @Schema(nullable = true, maxLength = 500) @Size(min = 1, max = 500) String activity,
            @Schema(nullable = true, pattern = ACTIVITY_TYPE) @Pattern(regexp = ACTIVITY_TYPE) String activityType,
            @Schema(nullable = true, format = "date") LocalDate plannedDate,
            @Schema(nullable = true) @Valid Money amount) {
    }

    @Schema(name = "MdfApproveRequest", examples = "{\"amount\": {\"amount\": \"4500.00\", \"currency\": \"EUR\"}, \"expiresAt\": \"2027-03-31T23:59:59Z\"}")
    public record Approve(
            @Schema(nullable = true, description = "At most what was asked; absent: all of it") @Valid Money amount,
            @Schema(nullable = true, description = "Until when claims may be made; absent: the end of the budget's period")
            Instant expiresAt,
            @Schema(nullable = true, maxLength = 2000) @Size(max = 2000) String note) {
    }

    @Schema(name = "MdfDecisionRequest", examples = "{\"note\": \"Please attach the agenda.\"}")
    public record Decision(@Schema(required = true, maxLength = 2000) @NotBlank @Size(max = 2000) String note) {
    }

    @Schema(name = "MdfClaimRequest", examples = """
            {"requestId": "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b", "amount": {"amount": "4200.00", "currency": "EUR"},
             "invoiceTotal": {"amount": "8400.00", "currency": "EUR"}, "invoiceNumber": "INV-2027-0042", "proofLinks": ["https://files.example.com/webinar-report.pdf"]}""")
    public record Claim(
            @Schema(required = true, format = "uuid") @NotNull UUID requestId,
            @Schema(required = true, description = "What is claimed: at most the program's reimbursement share of invoiceTotal")
            @NotNull @Valid Money amount,
            @Schema(nullable = true, description = "The activity's invoiced cost; required when the program co-funds less than 100 %")
            @Valid Money invoiceTotal,
            @Schema(required = true, maxLength = 100) @NotBlank @Size(max = 100) String invoiceNumber,
            @Schema(required = true, minItems = 1, maxItems = 20, description = "Links to the proof of performance")
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 2000) String> proofLinks) {
    }

    @Schema(name = "MdfClaimApproveRequest", examples = "{\"amount\": {\"amount\": \"4000.00\", \"currency\": \"EUR\"}}")
    public record ApproveClaim(
            @Schema(nullable = true, description = "At most what was claimed; absent: all of it") @Valid Money amount) {
    }

    @Schema(name = "MdfPayRequest", examples = "{\"paymentReference\": \"SEPA-2027-01-20-0042\"}")
    public record Pay(@Schema(nullable = true, maxLength = 200) @Size(max = 200) String paymentReference) {
    }

    @Schema(name = "MdfTierAllocationRequest", examples = """
            {"tier": "GOLD", "fixed": {"amount": "10000.00", "currency": "EUR"}, "revenuePercent": "2.5",
             "revenueCap": {"amount": "15000.00", "currency": "EUR"}}""")
    public record TierAllocation(
            @Schema(required = true, pattern = ACTIVITY_TYPE, description = "A tier as performance names it (GOLD)")
            @NotNull @Pattern(regexp = ACTIVITY_TYPE) String tier,
            @Schema(required = true, description = "Given every partner of the tier; zero for none") @NotNull @Valid Money fixed,
            @Schema(required = true, type = SchemaType.STRING, pattern = PERCENT, description = "Percent of the prior period's won revenue")
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal revenuePercent,
            @Schema(nullable = true, description = "The revenue part's cap; absent: none") @Valid Money revenueCap) {
    }

    @Schema(name = "MdfAllocationRulesRequest", examples = """
            {"currency": "EUR",
             "tiers": [{"tier": "GOLD", "fixed": {"amount": "10000.00", "currency": "EUR"}, "revenuePercent": "2.5",
                        "revenueCap": {"amount": "15000.00", "currency": "EUR"}},
                       {"tier": "SILVER", "fixed": {"amount": "4000.00", "currency": "EUR"}, "revenuePercent": "0", "revenueCap": null}],
             "reimbursementPercent": "50", "minLeadDays": 14, "eligibleActivityTypes": ["EVENT", "WEBINAR", "DIGITAL_ADVERTISING"],
             "maxRequestPercent": "40"}""")
    public record AllocationRuleSet(
            @Schema(required = true, pattern = "^[A-Z]{3}$", description = "Every budget it allocates is in this currency")
            @NotNull String currency,
            @Schema(required = true, maxItems = 20, description = "Tiers without an entry are allocated nothing")
            @NotNull @Size(max = 20) List<@NotNull @Valid TierAllocation> tiers,
            @Schema(required = true, type = SchemaType.STRING, pattern = PERCENT, description = "The vendor's share of an "
                    + "activity's invoiced cost a claim may ask for (co-funding), more than 0 to 100")
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal reimbursementPercent,
            @Schema(required = true, minimum = "0", maximum = "365", description = "Days a fund request must be made before "
                    + "its activity's planned date") @NotNull @Min(0) @Max(365) Integer minLeadDays,
            @Schema(required = true, maxItems = 50, description = "Empty: every activity type") @NotNull @Size(max = 50)
            List<@NotNull @Pattern(regexp = ACTIVITY_TYPE) String> eligibleActivityTypes,
            @Schema(required = true, type = SchemaType.STRING, pattern = PERCENT, description = "The largest share of a budget's "
                    + "allocation one request may ask for, more than 0 to 100")
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal maxRequestPercent) {
    }

    @Schema(name = "MdfAllocateRequest", examples = "{\"period\": \"2027-Q1\"}")
    public record Allocate(
            @Schema(required = true, pattern = "^[0-9]{4}(-Q[1-4])?$", description = "The period to open budgets for")
            @NotBlank String period) {
    }
}
