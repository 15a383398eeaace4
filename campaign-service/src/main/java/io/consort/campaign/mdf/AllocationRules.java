package io.consort.campaign.mdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A program's MDF allocation rules, the way channel programs state them: what each tier is given per period (a
 * fixed amount, plus a percentage of the partner's won revenue in the period before, capped), the vendor's share
 * of an activity's cost (co-funding: a claim is reimbursed at most that share of its invoice total), the lead time
 * a fund request needs before the activity, the activity types funds may pay for (none listed: any), and the
 * largest share of a budget's allocation one request may ask for. Plain domain code: the service enforces these
 * where a request or a claim is submitted (and a request resubmitted), again where a request or a claim is
 * approved (what still applies then: the approved amount, the activity type, the reimbursement share, under the
 * rules current at the approval), and an allocation run turns them into budgets. A breach is an
 * {@link AllocationRuleViolation} naming the rule.
 */
public record AllocationRules(String currency, List<TierAllocation> tiers, BigDecimal reimbursementPercent,
        int minLeadDays, List<String> eligibleActivityTypes, BigDecimal maxRequestPercent) {

    /** The rule names a violation carries (the request fields of the rule set). */
    public static final String TIERS = "tiers";
    public static final String REIMBURSEMENT = "reimbursementPercent";
    public static final String LEAD_TIME = "minLeadDays";
    public static final String ACTIVITY_TYPES = "eligibleActivityTypes";
    public static final String REQUEST_SHARE = "maxRequestPercent";

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * What one tier is allocated for a period: {@code fixed} + {@code revenuePercent} % of the prior period's won
     * revenue, the revenue part at most {@code revenueCap} (null: uncapped). Amounts are in the rules' currency.
     */
    public record TierAllocation(String tier, BigDecimal fixed, BigDecimal revenuePercent, BigDecimal revenueCap) {
    }

    /** A budget an allocation run opens: its amount and how it was reached, for the ledger note. */
    public record Allocation(Money amount, String basis) {
    }

    /** Validates the rule set as a whole; an {@link IllegalArgumentException} names what is wrong. */
    public AllocationRules {
        Money.currency(currency);
        tiers = List.copyOf(tiers);
        eligibleActivityTypes = List.copyOf(eligibleActivityTypes);
        Set<String> seen = new HashSet<>();
        for (TierAllocation t : tiers) {
            if (t.tier() == null || !t.tier().matches("[A-Z][A-Z0-9_]{0,49}")) {
                throw new IllegalArgumentException("a tier is an UPPER_SNAKE name such as GOLD, not " + t.tier());
            }
            if (!seen.add(t.tier())) {
                throw new IllegalArgumentException("tier " + t.tier() + " is listed twice");
            }
            amount(t.fixed(), currency, "the fixed amount of " + t.tier());
            percent(t.revenuePercent(), "the revenue percentage of " + t.tier(), true);
            if (t.revenueCap() != null) {
                amount(t.revenueCap(), currency, "the revenue cap of " + t.tier());
            }
        }
        percent(reimbursementPercent, "the reimbursement percentage", false);
        percent(maxRequestPercent, "the largest share of a budget per request", false);
        if (minLeadDays < 0 || minLeadDays > 365) {
            throw new IllegalArgumentException("the minimum lead time is 0 to 365 days");
        }
        Set<String> types = new HashSet<>();
        for (String type : eligibleActivityTypes) {
            if (type == null || !type.matches("[A-Z][A-Z0-9_]{0,49}")) {
                throw new IllegalArgumentException("an activity type is an UPPER_SNAKE name such as WEBINAR, not " + type);
            }
            if (!types.add(type)) {
                throw new IllegalArgumentException("activity type " + type + " is listed twice");
            }
        }
    }

    /**
     * What a partner of {@code tier} is allocated, given its won revenue in the period before ({@code priorRevenue},
     * in the rules' currency); empty when the tier has no rule or the rule gives nothing.
     */
    public Optional<Allocation> allocationFor(String tier, Money priorRevenue) {
        Money.of(BigDecimal.ZERO, currency).requireSameCurrency(priorRevenue);
        Optional<TierAllocation> rule = tiers.stream().filter(t -> t.tier().equals(tier)).findFirst();
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        TierAllocation t = rule.get();
        Money fixed = Money.of(t.fixed(), currency);
        Money share = minorUnits(priorRevenue.amount().multiply(t.revenuePercent()).divide(HUNDRED), currency);
        boolean capped = t.revenueCap() != null && share.exceeds(Money.of(t.revenueCap(), currency));
        if (capped) {
            share = Money.of(t.revenueCap(), currency);
        }
        Money total = fixed.plus(share);
        if (!total.isPositive()) {
            return Optional.empty();
        }
        String basis = "tier " + tier + ": " + fixed + " fixed + " + t.revenuePercent().stripTrailingZeros().toPlainString()
                + " % of " + priorRevenue + " won = " + share + (capped ? " (capped)" : "");
        return Optional.of(new Allocation(total, basis));
    }

    /**
     * A fund request of {@code amount} for {@code activityType} on {@code plannedDate}, submitted {@code today}, from
     * a budget allocated {@code allocated}: at least the lead time ahead, of an eligible type, at most the largest
     * share of the allocation.
     */
    public void requireFundRequest(Money allocated, Money amount, String activityType, LocalDate plannedDate, LocalDate today) {
        LocalDate earliest = today.plusDays(minLeadDays);
        if (plannedDate.isBefore(earliest)) {
            throw new AllocationRuleViolation(LEAD_TIME, "activities must be requested at least " + minLeadDays
                    + " days ahead: the earliest planned date now is " + earliest + ", not " + plannedDate);
        }
        requireFundable(allocated, amount, activityType, "ask for");
    }

    /**
     * A fund request approved for {@code approved} from a budget allocated {@code allocated} (both as they stand at
     * the approval, the rules being the program's current ones): its activity type still eligible, the approved
     * amount at most the largest share of the allocation. The lead time is not checked again: it measures how early
     * the partner asked, which was settled at submission and which the date of the decision does not change.
     */
    public void requireRequestApproval(Money allocated, Money approved, String activityType) {
        requireFundable(allocated, approved, activityType, "be approved for");
    }

    private void requireFundable(Money allocated, Money amount, String activityType, String verb) {
        if (!eligibleActivityTypes.isEmpty() && (activityType == null || !eligibleActivityTypes.contains(activityType))) {
            throw new AllocationRuleViolation(ACTIVITY_TYPES, (activityType == null ? "an activityType is required"
                    : "activity type " + activityType + " is not eligible") + "; eligible: " + String.join(", ", eligibleActivityTypes));
        }
        Money largest = largestRequest(allocated);
        if (amount.exceeds(largest)) {
            throw new AllocationRuleViolation(REQUEST_SHARE, "one request may " + verb + " at most "
                    + maxRequestPercent.stripTrailingZeros().toPlainString() + " % of the budget's " + allocated + " allocation: "
                    + largest + ", not " + amount);
        }
    }

    /** The largest request a budget allocated {@code allocated} admits, in the budget's currency. */
    public Money largestRequest(Money allocated) {
        return minorUnits(allocated.amount().multiply(maxRequestPercent).divide(HUNDRED), allocated.currency());
    }

    /**
     * A claim of {@code amount} against an activity whose invoice totals {@code invoiceTotal}: at most the vendor's
     * share of it. Below 100 % the invoice total is required. Checked when the claim is submitted (the amount
     * claimed) and again when it is approved (the amount granted, under the rules as they are then).
     */
    public void requireClaim(Money amount, Money invoiceTotal) {
        if (invoiceTotal == null) {
            if (reimbursementPercent.compareTo(HUNDRED) < 0) {
                throw new AllocationRuleViolation(REIMBURSEMENT, "the program reimburses "
                        + reimbursementPercent.stripTrailingZeros().toPlainString() + " % of an activity's cost: the claim "
                        + "needs the invoiceTotal");
            }
            return;
        }
        amount.requireSameCurrency(invoiceTotal);
        if (amount.exceeds(invoiceTotal)) {
            throw new AllocationRuleViolation(REIMBURSEMENT, "a claim of " + amount + " exceeds its invoice total of " + invoiceTotal);
        }
        Money share = minorUnits(invoiceTotal.amount().multiply(reimbursementPercent).divide(HUNDRED), invoiceTotal.currency());
        if (amount.exceeds(share)) {
            throw new AllocationRuleViolation(REIMBURSEMENT, "the program reimburses "
                    + reimbursementPercent.stripTrailingZeros().toPlainString() + " % of an activity's cost: at most " + share
                    + " of the " + invoiceTotal + " invoiced, not " + amount);
        }
    }

    /** Rounded down to the currency's minor units: a share never pays a fraction of a cent more. */
    private static Money minorUnits(BigDecimal amount, String currency) {
        int digits = Math.max(Money.currency(currency).getDefaultFractionDigits(), 0);
        return Money.of(amount.setScale(digits, RoundingMode.DOWN), currency);
    }

    private static void amount(BigDecimal amount, String currency, String what) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must be zero or more");
        }
        Money.of(amount, currency);
    }

    private static void percent(BigDecimal p, String what, boolean zeroAllowed) {
        if (p == null || p.signum() < 0 || (!zeroAllowed && p.signum() == 0) || p.compareTo(HUNDRED) > 0
                || p.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "0" : "more than 0") + " to 100, with at most two decimals");
        }
    }
}
