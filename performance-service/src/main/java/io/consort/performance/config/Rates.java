package io.consort.performance.config;

import io.consort.performance.domain.ExchangeRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The vendor's exchange rates as the domain uses them, kept between evaluations while the table is
 * unchanged: every event's evaluation needs them.
 */
@ApplicationScoped
public class Rates {

    @Inject
    EntityManager entityManager;

    @Inject
    PerformanceConfig config;

    private record Loaded(String stamp, ExchangeRates rates) {
    }

    private final AtomicReference<Loaded> cached = new AtomicReference<>();

    /** The rates as this transaction sees them; reloaded only when the table changed (its stamp differs). */
    public ExchangeRates current() {
        Object[] stamp = (Object[]) entityManager.createNativeQuery(
                "select count(*), coalesce(max(version), 0), cast(max(updated_at) as text) from exchange_rate").getSingleResult();
        String key = stamp[0] + "/" + stamp[1] + "/" + stamp[2];
        Loaded loaded = cached.get();
        if (loaded == null || !loaded.stamp().equals(key)) {
            loaded = new Loaded(key, load());
            cached.set(loaded);
        }
        return loaded.rates();
    }

    private ExchangeRates load() {
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
