package io.consort.campaign.mdf;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Expires approved fund requests past their {@code expiresAt}, releasing what was not claimed, every
 * {@code consort.campaign.mdf.expiry-check} ({@code off} disables it). Every instance runs it; {@link
 * MdfService#expireDue} takes due rows with SKIP LOCKED and reads them from the table, so it is safe with several
 * instances and across restarts.
 */
@ApplicationScoped
public class MdfExpiryJob {

    private static final Logger LOG = Logger.getLogger(MdfExpiryJob.class);
    private static final int BATCH = 200;

    @Inject
    MdfService mdf;

    @Scheduled(identity = "mdf-request-expiry", every = "${consort.campaign.mdf.expiry-check:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int total = 0;
            int expired;
            do {
                expired = mdf.expireDue(MdfService.now(), BATCH);
                total += expired;
            } while (expired == BATCH);
            if (total > 0) {
                LOG.infof("Expired %d MDF fund requests, releasing what was not claimed", total);
            }
        } catch (RuntimeException e) {
            LOG.warn("The MDF expiry sweep failed; the next run retries", e);
        }
    }
}
