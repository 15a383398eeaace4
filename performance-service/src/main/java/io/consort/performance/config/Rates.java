package io.consort.performance.config;

import io.consort.performance.domain.ExchangeRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The vendor's exchange rates as the domain uses them (kept between batches by {@link EvaluationSettings}). */
@ApplicationScoped
public class Rates {

    /**
     * What changes whenever the rates table does (a rate added, replaced or removed), as one SQL expression:
     * part of {@link EvaluationSettings}'s one stamp query per batch.
     */
    static final String STAMP = """
            (select count(*) || '/' || coalesce(max(version), 0) || '/' || coalesce(cast(max(updated_at) as text), '')
             from exchange_rate)""";

    @Inject
    EntityManager entityManager;

    @Inject
    PerformanceConfig config;

    /** The rates as this transaction sees them, read from the table. */
    public ExchangeRates load() {
        ExchangeRates rates = new ExchangeRates(config.currency());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select currency, valid_from, rate from exchange_rate")
                .getResultList();
        for (Object[] row : rows) {
            LocalDate validFrom = row[1] instanceof Date d ? d.toLocalDate() : (LocalDate) row[1];
            rates.put((String) row[0], validFrom, (BigDecimal) row[2]);
        }
        return rates;
    }
}
