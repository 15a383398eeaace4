package io.consort.campaign.deal;

import io.consort.campaign.mdf.Money;
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
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner's registration of an opportunity. {@link DealState} is the state machine; this applies it and keeps
 * who decided what, when. The one-approved-per-customer-and-product invariant is the database's (V50).
 */
@Entity
@Table(name = "deal_registrations")
public class DealRegistration extends PartnerOwned {

    @Id
    public UUID id;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    /** Normalised ({@link CustomerDomain}); what the conflict rules compare. */
    @Column(name = "customer_domain", nullable = false)
    public String customerDomain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "products", nullable = false, columnDefinition = "text[]")
    public String[] products;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "expected_close_date", nullable = false)
    public LocalDate expectedCloseDate;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DealState state;

    @Column(name = "claim_ends_at", nullable = false)
    public Instant claimEndsAt;

    @Column(name = "protection_days", nullable = false)
    public int protectionDays;

    @Column(name = "extension_days", nullable = false)
    public int extensionDays;

    @Column(name = "protected_until")
    public Instant protectedUntil;

    @Column(nullable = false)
    public boolean extended;

    /** The manager's note for ACTION_REQUIRED, the partner's answer on resubmission. */
    @Column(name = "review_note")
    public String reviewNote;

    /** Why it was rejected or lost. */
    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new registration in {@code SUBMITTED}; inputs are already normalised. */
    public static DealRegistration submit(UUID id, UUID partnerId, String customerName, String customerDomain,
            List<String> products, Money amount, LocalDate expectedCloseDate, UUID leadId, UUID campaignId,
            ProtectionPolicy policy, String submittedBy, Instant now) {
        DealRegistration d = new DealRegistration();
        d.id = Objects.requireNonNull(id);
        d.partnerId = Objects.requireNonNull(partnerId);
        d.customerName = Objects.requireNonNull(customerName);
        d.customerDomain = Objects.requireNonNull(customerDomain);
        d.products = products.toArray(String[]::new);
        d.amount = amount.amount();
        d.currency = amount.currency();
        d.expectedCloseDate = Objects.requireNonNull(expectedCloseDate);
        d.leadId = leadId;
        d.campaignId = campaignId;
        d.state = DealState.SUBMITTED;
        d.protectionDays = Math.toIntExact(policy.window().toDays());
        d.extensionDays = Math.toIntExact(policy.extension().toDays());
        d.claimEndsAt = policy.claimEndsAt(now);
        d.submittedBy = Objects.requireNonNull(submittedBy);
        d.submittedAt = now;
        d.updatedAt = now;
        return d;
    }

    public List<String> productList() {
        return List.of(products);
    }

    public Money money() {
        return Money.of(amount, currency);
    }

    public ProtectionPolicy policy() {
        return ProtectionPolicy.ofDays(protectionDays, extensionDays);
    }

    public void startReview(Instant now) {
        move(DealAction.START_REVIEW, now);
    }

    public void requestAction(String note, String by, Instant now) {
        move(DealAction.REQUEST_ACTION, now);
        reviewNote = note;
        decidedBy = by;
    }

    public void resubmit(String answer, Instant now) {
        move(DealAction.RESUBMIT, now);
        reviewNote = answer;
    }

    public void approve(String by, Instant now) {
        move(DealAction.APPROVE, now);
        protectedUntil = policy().protectedUntil(now);
        decidedBy = by;
        decidedAt = now;
    }

    public void reject(String why, String by, Instant now) {
        move(DealAction.REJECT, now);
        reason = why;
        decidedBy = by;
        decidedAt = now;
    }

    public void withdraw(Instant now) {
        move(DealAction.WITHDRAW, now);
    }

    /** The one extension of the protection, while it still holds. */
    public void extendProtection(Instant now) {
        DealState next = state.after(DealAction.EXTEND);
        if (extended) {
            throw new IllegalDealTransitionException("the protection was already extended once (until " + protectedUntil + ")");
        }
        if (!ProtectionPolicy.holds(protectedUntil, now)) {
            throw new IllegalDealTransitionException("the protection ended at " + protectedUntil + "; only a running "
                    + "protection can be extended");
        }
        state = next;
        protectedUntil = policy().extended(protectedUntil);
        extended = true;
        updatedAt = now;
    }

    /** Won on {@code closedOn}, for {@code finalAmount} when the partner states one (same currency), else the registered amount. */
    public void win(LocalDate on, Money finalAmount, Instant now) {
        DealState next = state.after(DealAction.WIN);
        if (finalAmount != null) {
            money().requireSameCurrency(finalAmount);
            amount = finalAmount.amount();
        }
        state = next;
        closedOn = Objects.requireNonNull(on);
        updatedAt = now;
    }

    public void lose(String why, LocalDate on, Instant now) {
        move(DealAction.LOSE, now);
        reason = why;
        closedOn = on;
    }

    /** The sweep: only an approved registration whose protection has ended. */
    public void expire(Instant now) {
        if (ProtectionPolicy.holds(protectedUntil, now)) {
            throw new IllegalDealTransitionException("the protection runs until " + protectedUntil);
        }
        move(DealAction.EXPIRE, now);
    }

    private void move(DealAction action, Instant now) {
        state = state.after(action);
        updatedAt = Objects.requireNonNull(now);
    }

    public ChannelConflicts.Existing asExisting() {
        return new ChannelConflicts.Existing(id, partnerId, customerDomain, productList(), state, protectedUntil, claimEndsAt);
    }
}
