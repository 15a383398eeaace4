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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner's claim against an approved fund request, with its proof of performance. */
@Entity
@Table(name = "mdf_claims")
public class MdfClaim extends PartnerOwned {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "budget_id", nullable = false)
    public UUID budgetId;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "invoice_total", precision = 19, scale = 4)
    public BigDecimal invoiceTotal;

    @Column(name = "approved_amount", precision = 19, scale = 4)
    public BigDecimal approvedAmount;

    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "proof_links", nullable = false, columnDefinition = "text[]")
    public String[] proofLinks;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MdfClaimState state;

    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A claim against {@code request}, which must be approved and still running; its currency must be the request's. */
    public static MdfClaim submit(UUID id, MdfRequest request, Money amount, String invoiceNumber, List<String> proofLinks,
            String by, Instant now) {
        if (request.state != MdfRequestState.APPROVED) {
            throw new IllegalMdfTransitionException("claims are made against an APPROVED fund request; this one is "
                    + request.state);
        }
        if (!now.isBefore(request.expiresAt)) {
            throw new IllegalMdfTransitionException("the fund request expired at " + request.expiresAt);
        }
        request.requested().requireSameCurrency(amount);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("the amount must be positive");
        }
        MdfClaim c = new MdfClaim();
        c.id = id;
        c.requestId = request.id;
        c.budgetId = request.budgetId;
        c.partnerId = request.partnerId;
        c.amount = amount.amount();
        c.currency = amount.currency();
        c.invoiceNumber = invoiceNumber;
        c.proofLinks = proofLinks.toArray(String[]::new);
        c.state = MdfClaimState.SUBMITTED;
        c.submittedBy = by;
        c.submittedAt = now;
        c.updatedAt = now;
        return c;
    }

    /** The activity's invoiced cost, when the claim names it. */
    public Money invoiceTotal() {
        return invoiceTotal == null ? null : Money.of(invoiceTotal, currency);
    }

    public Money claimed() {
        return Money.of(amount, currency);
    }

    public Money approved() {
        return approvedAmount == null ? null : Money.of(approvedAmount, currency);
    }

    /** Approved for {@code granted} (≤ claimed); the caller has checked the request's remainder under its lock. */
    public void approve(Money granted, String by, Instant now) {
        MdfClaimState next = state.after(MdfClaimState.Action.APPROVE);
        claimed().requireSameCurrency(granted);
        if (!granted.isPositive() || granted.exceeds(claimed())) {
            throw new IllegalArgumentException("the approved amount must be positive and at most the " + claimed() + " claimed");
        }
        state = next;
        approvedAmount = granted.amount();
        decidedBy = by;
        decidedAt = now;
        updatedAt = now;
    }

    public void reject(String why, String by, Instant now) {
        state = state.after(MdfClaimState.Action.REJECT);
        reason = why;
        decidedBy = by;
        decidedAt = now;
        updatedAt = now;
    }

    public void pay(String reference, Instant now) {
        state = state.after(MdfClaimState.Action.PAY);
        paymentReference = reference;
        paidAt = now;
        updatedAt = now;
    }
}
