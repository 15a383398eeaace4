package io.consort.performance.standing;

import io.consort.performance.config.PerformanceConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Re-evaluates partners no new fact touches: after a settings change (tiers, a scorecard definition,
 * an exchange rate) and when a day passes — a grace period can run out, a certification expire or a
 * won deal leave the trailing window without any event. A change marks scorecards ({@code dirty_from});
 * the sweep takes marked and stale ones, a batch at a time, each in its own transaction.
 */
@ApplicationScoped
public class Reevaluation {

    private static final Logger LOG = Logger.getLogger(Reevaluation.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Standings standings;

    @Inject
    PerformanceConfig config;

    @Inject
    Clock clock;

    /** Marks every scorecard (or a program's) for re-evaluation from {@code from} on; in the caller's transaction. */
    public void markAll(LocalDate from) {
        entityManager.createNativeQuery("""
                update scorecard set dirty_from = least(coalesce(dirty_from, ?1), ?1)""")
                .setParameter(1, from).executeUpdate();
    }

    public void markProgram(UUID programId, LocalDate from) {
        entityManager.createNativeQuery("""
                update scorecard set dirty_from = least(coalesce(dirty_from, ?1), ?1) where program_id = ?2""")
                .setParameter(1, from).setParameter(2, programId).executeUpdate();
    }

    @Scheduled(every = "${consort.performance.sweep-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        // at most 50 rounds per run: partners whose evaluation keeps failing stay marked for the next run
        for (int round = 0; round < 50 && sweepOnce() >= config.sweepBatch(); round++) {
            LOG.debugf("sweep round %d took a full batch", round);
        }
    }

    /** Re-evaluates up to one batch of marked or stale partners; returns how many. */
    public int sweepOnce() {
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select partner_id from scorecard where dirty_from is not null or evaluated_on is null or evaluated_on < ?1
                order by partner_id limit ?2""")
                .setParameter(1, Date.valueOf(today)).setParameter(2, config.sweepBatch()).getResultList());
        Instant now = Instant.now(clock);
        Map<UUID, LocalDate> from = new LinkedHashMap<>();
        Map<UUID, Instant> trigger = new HashMap<>();
        due.forEach(partnerId -> {
            from.put(partnerId, today);
            trigger.put(partnerId, now);
        });
        try {
            // the whole round as one batch (one read of their histories, one write of their days) ...
            QuarkusTransaction.requiringNew().run(() -> standings.reevaluateAll(from, trigger));
            return due.size();
        } catch (RuntimeException e) {
            LOG.debugf("re-evaluating %d partners as one batch failed (%s); one at a time", due.size(), e);
        }
        for (UUID partnerId : due) { // ... or, should that fail, each partner on its own, so one cannot hold up the rest
            try {
                QuarkusTransaction.requiringNew().run(() -> standings.reevaluate(partnerId, today, now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "re-evaluating partner %s failed; the next sweep tries again", partnerId);
            }
        }
        return due.size();
    }
}
