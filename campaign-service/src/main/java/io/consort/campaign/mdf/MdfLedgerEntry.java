package io.consort.campaign.mdf;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One movement of a budget's funds. Append-only: the database refuses updates and deletes (V51). */
@Entity
@Immutable
@Table(name = "mdf_ledger_entries")
public class MdfLedgerEntry extends PartnerOwned {

    /** Also the order of the statement. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "budget_id", nullable = false)
    public UUID budgetId;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "claim_id")
    public UUID claimId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerKind kind;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    public String note;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static MdfLedgerEntry of(MdfBudget budget, LedgerKind kind, Money amount, UUID requestId, UUID claimId,
            String note, String actor, Instant now) {
        if (!budget.currency.equals(amount.currency())) {
            throw new CurrencyMismatchException(budget.currency, amount.currency());
        }
        MdfLedgerEntry e = new MdfLedgerEntry();
        e.budgetId = budget.id;
        e.partnerId = budget.partnerId;
        e.requestId = requestId;
        e.claimId = claimId;
        e.kind = kind;
        e.amount = amount.amount();
        e.currency = amount.currency();
        e.note = note;
        e.actor = actor;
        e.occurredAt = now;
        return e;
    }

    public Money money() {
        return Money.of(amount, currency);
    }
}
