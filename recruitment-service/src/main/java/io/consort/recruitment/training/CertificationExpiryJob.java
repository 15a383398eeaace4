package io.consort.recruitment.training;

import io.consort.recruitment.support.Timestamps;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Runs the certification expiry sweep every {@code consort.recruitment.training.expiry-check} ({@code off}
 * disables it). Every instance of the service runs it; {@link CertificationService#expireDue} makes that safe.
 */
@ApplicationScoped
public class CertificationExpiryJob {

    private static final Logger LOG = Logger.getLogger(CertificationExpiryJob.class);

    @Inject
    CertificationService certifications;

    @Scheduled(identity = "certification-expiry", every = "${consort.recruitment.training.expiry-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int expired = certifications.expireDue(Timestamps.now());
            if (expired > 0) {
                LOG.infof("Recorded the expiry of %d certifications", expired);
            }
        } catch (RuntimeException e) {
            // The next run retries: nothing of a failed batch was committed.
            LOG.warn("The certification expiry sweep failed; the next run retries", e);
        }
    }
}
