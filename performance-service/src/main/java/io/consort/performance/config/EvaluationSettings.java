package io.consort.performance.config;

import io.consort.performance.domain.ExchangeRates;
import io.consort.performance.domain.IncentiveRules;
import io.consort.performance.domain.ScoringModel;
import io.consort.performance.domain.TierLadder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * What every evaluation reads besides the partner's own data — the exchange rates, the tier ladder, the
 * incentive rules and the programs' scorecard definitions — kept between batches. Each batch asks the database
 * one cheap question (a stamp over the {@code setting}, {@code exchange_rate} and {@code scorecard_definition}
 * tables: names and versions, counts, the latest change) and reloads everything only when the answer differs,
 * so a PUT of a ladder, rules, rate or definition, committed by this instance or any other sharing the
 * database, is in force for the next batch that starts after it, as when each batch read them all.
 */
@ApplicationScoped
public class EvaluationSettings {

    public static final String TIERS = "tiers";
    public static final String RULES = "incentive-rules";

    /** The settings as of one stamp; a program's definitions are read the first time a batch needs them. */
    public static final class Snapshot {
        private final String stamp;
        private final ExchangeRates rates;
        private final TierLadder ladder;
        private final IncentiveRules rules;
        private final Map<UUID, Function<LocalDate, ScoringModel>> models = new ConcurrentHashMap<>();
        private final Function<UUID, Function<LocalDate, ScoringModel>> definitions;

        Snapshot(String stamp, ExchangeRates rates, TierLadder ladder, IncentiveRules rules,
                Function<UUID, Function<LocalDate, ScoringModel>> definitions) {
            this.stamp = stamp;
            this.rates = rates;
            this.ladder = ladder;
            this.rules = rules;
            this.definitions = definitions;
        }

        public String stamp() {
            return stamp;
        }

        public ExchangeRates rates() {
            return rates;
        }

        public TierLadder ladder() {
            return ladder;
        }

        public IncentiveRules rules() {
            return rules;
        }

        /** The scoring model in force on a day for the program (its definitions read once per snapshot). */
        public Function<LocalDate, ScoringModel> models(UUID programId) {
            return models.computeIfAbsent(programId, definitions);
        }
    }

    private static final String STAMP = """
            select (select coalesce(string_agg(name || ':' || version, ',' order by name), '') from setting)
                || '|' || %s
                || '|' || (select count(*) || '/' || coalesce(max(version), 0) from scorecard_definition)""".formatted(
            Rates.STAMP);

    @Inject
    EntityManager entityManager;

    @Inject
    Settings settings;

    @Inject
    Rates rates;

    @Inject
    Definitions definitions;

    private final AtomicReference<Snapshot> cached = new AtomicReference<>();

    /**
     * The settings as this transaction sees them: the kept snapshot if the stamp is unchanged, else reloaded.
     * Definitions are versioned rows only ever added, settings documents carry a version moved by every write,
     * and rates a version and {@code updated_at} moved by every replacement (and a count moved by additions).
     */
    public Snapshot current() {
        String stamp = (String) entityManager.createNativeQuery(STAMP).getSingleResult();
        Snapshot snapshot = cached.get();
        if (snapshot == null || !snapshot.stamp().equals(stamp)) {
            snapshot = new Snapshot(stamp, rates.load(),
                    settings.read(TIERS, TierLadder.class, TierLadder.DEFAULT).body(),
                    settings.read(RULES, IncentiveRules.class, IncentiveRules.DEFAULT).body(), definitions::inForce);
            cached.set(snapshot);
        }
        return snapshot;
    }
}
