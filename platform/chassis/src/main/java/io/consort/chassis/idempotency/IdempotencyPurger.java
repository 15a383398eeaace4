package io.consort.chassis.idempotency;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Deletes expired idempotency keys periodically; expired keys are also ignored on read, so this only bounds the table. */
@ApplicationScoped
public class IdempotencyPurger {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurger.class);

    @Inject
    IdempotencyConfig config;

    @Inject
    IdempotencyStore store;

    @Inject
    Vertx vertx;

    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        timer = vertx.setPeriodic(Math.max(1000, config.purgeInterval().toMillis()), id -> vertx.executeBlocking(() -> {
            try {
                int purged = store.purgeExpired();
                if (purged > 0) {
                    LOG.debugf("Purged %d expired idempotency keys", purged);
                }
            } catch (RuntimeException e) {
                LOG.warn("Purging expired idempotency keys failed; will retry", e);
            }
            return null;
        }, false));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
