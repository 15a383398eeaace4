package io.consort.campaign.mdf;

import io.consort.chassis.security.PartnerOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A partner's market development funds for one period, in one currency. Its figures live in the ledger. */
@Entity
@Table(name = "mdf_budgets")
public class MdfBudget extends PartnerOwned {

    @Id
    public UUID id;

    @Column(name = "program_id")
    public UUID programId;

    @Column(nullable = false)
    public String period;

    @Column(name = "period_starts", nullable = false)
    public LocalDate periodStarts;

    @Column(name = "period_ends", nullable = false)
    public LocalDate periodEnds;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Raised with every ledger movement, so a budget's ETag changes whenever its figures do. */
    @Version
    public long version;

    public static MdfBudget open(UUID id, UUID partnerId, UUID programId, BudgetPeriod period, String currency, String by,
            Instant now) {
        MdfBudget b = new MdfBudget();
        b.id = id;
        b.partnerId = partnerId;
        b.programId = programId;
        b.period = period.name();
        b.periodStarts = period.starts();
        b.periodEnds = period.ends();
        b.currency = Money.currency(currency).getCurrencyCode();
        b.createdBy = by;
        b.createdAt = now;
        b.updatedAt = now;
        return b;
    }
}
