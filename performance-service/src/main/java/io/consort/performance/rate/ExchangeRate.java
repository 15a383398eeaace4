package io.consort.performance.rate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One rate of the vendor's table: 1 unit of {@code currency} is {@code rate} units of the base currency from {@code validFrom} on. */
@Entity
@Table(name = "exchange_rate")
public class ExchangeRate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String currency;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(nullable = false)
    public BigDecimal rate;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public long version;
}
