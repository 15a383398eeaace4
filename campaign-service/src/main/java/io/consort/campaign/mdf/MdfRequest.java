package io.consort.campaign.mdf;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A partner's request for funds from its budget for one activity. */
@Entity
@Table(name = "mdf_requests")
public class MdfRequest extends PartnerOwned {

    @Id
    public UUID id;

    @Column(name = "budget_id", nullable = false)
    public UUID budgetId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(nullable = false)
    public String activity;

    @Column(name = "activity_type")
    public String activityType;

    @Column(name = "planned_date", nullable = false)
    public LocalDate plannedDate;

    @Column(name = "requested_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal requestedAmount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MdfRequestState state;

    @Column(name = "approved_amount", precision = 19, scale = 4)
    public BigDecimal approvedAmount;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static MdfRequest submit(UUID id, MdfBudget budget, UUID campaignId, String activity, String activityType,
            LocalDate plannedDate, Money amount, String by, Instant now) {
        if (!budget.currency.equals(amount.currency())) {
            throw new CurrencyMismatchException(budget.currency, amount.currency());
        }
        requirePositive(amount);
        MdfRequest r = new MdfRequest();
        r.id = id;
        r.budgetId = budget.id;
        r.partnerId = budget.partnerId;
        r.campaignId = campaignId;
        r.activity = activity;
        r.activityType = activityType;
        r.plannedDate = plannedDate;
        r.requestedAmount = amount.amount();
        r.currency = amount.currency();
        r.state = MdfRequestState.SUBMITTED;
        r.submittedBy = by;
        r.submittedAt = now;
        r.updatedAt = now;
        return r;
    }

    public Money requested() {
        return Money.of(requestedAmount, currency);
    }

    public Money approved() {
        return approvedAmount == null ? null : Money.of(approvedAmount, currency);
    }

    /** Approved for {@code amount} (≤ requested) until {@code until}; the caller has checked the budget under its lock. */
    public void approve(Money amount, Instant until, String note, String by, Instant now) {
        MdfRequestState next = state.after(MdfRequestState.Action.APPROVE);
        FundRules.requireApprovable(requested(), amount);
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("expiresAt must be in the future");
        }
        state = next;
        approvedAmount = amount.amount();
        expiresAt = until;
        decide(note, by, now);
    }

    public void returnToPartner(String note, String by, Instant now) {
        state = state.after(MdfRequestState.Action.RETURN);
        decide(note, by, now);
    }

    public void reject(String note, String by, Instant now) {
        state = state.after(MdfRequestState.Action.REJECT);
        decide(note, by, now);
    }

    /** The partner answers a return, possibly with a changed activity, date or amount. */
    public void resubmit(String newActivity, String newActivityType, LocalDate newPlannedDate, Money newAmount, Instant now) {
        MdfRequestState next = state.after(MdfRequestState.Action.RESUBMIT);
        if (newAmount != null) {
            requested().requireSameCurrency(newAmount);
            requirePositive(newAmount);
            requestedAmount = newAmount.amount();
        }
        if (newActivity != null) {
            activity = newActivity;
        }
        if (newActivityType != null) {
            activityType = newActivityType;
        }
        if (newPlannedDate != null) {
            plannedDate = newPlannedDate;
        }
        state = next;
        updatedAt = now;
    }

    public void expire(Instant now) {
        if (expiresAt != null && now.isBefore(expiresAt)) {
            throw new IllegalMdfTransitionException("the fund request runs until " + expiresAt);
        }
        state = state.after(MdfRequestState.Action.EXPIRE);
        updatedAt = now;
    }

    private void decide(String note, String by, Instant now) {
        decisionNote = note;
        decidedBy = by;
        decidedAt = now;
        updatedAt = now;
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("the amount must be positive");
        }
    }
}
