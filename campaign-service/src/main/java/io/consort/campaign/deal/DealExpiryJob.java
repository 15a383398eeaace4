package io.consort.campaign.deal;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Expires approved registrations whose protection has ended, every {@code consort.campaign.deals.expiry-check}
 * ({@code off} disables it). Every instance runs it; {@link DealRegistrationService#expireDue} locks due rows
 * with SKIP LOCKED, so instances share the work, and reads what is due from the table, so a restart loses nothing.
 */
@ApplicationScoped
public class DealExpiryJob {

    private static final Logger LOG = Logger.getLogger(DealExpiryJob.class);

    @Inject
    DealRegistrationService deals;

    @Inject
    DealsConfig config;

    @Scheduled(identity = "deal-expiry", every = "${consort.campaign.deals.expiry-check:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int total = 0;
            int expired;
            do {
                expired = deals.expireDue(DealRegistrationService.now(), config.expiryBatchSize());
                total += expired;
            } while (expired == config.expiryBatchSize());
            if (total > 0) {
                LOG.infof("Expired %d deal registrations whose protection ended", total);
            }
        } catch (RuntimeException e) {
            LOG.warn("The deal expiry sweep failed; the next run retries", e);
        }
    }
}
