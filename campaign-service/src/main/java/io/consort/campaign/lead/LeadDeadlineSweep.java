package io.consort.campaign.lead;

import io.consort.campaign.support.Timestamps;
import io.consort.chassis.persistence.NativeQueries;
import io.consort.contracts.events.LeadRejected;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Times out offers whose {@code acceptBy} has passed and routes those leads on. The deadline lives in
 * the lead row, so an offer made before a crash or restart still times out on the first sweep after.
 * Every instance sweeps; each batch claims its due leads with {@code FOR UPDATE SKIP LOCKED} in one
 * transaction, so two instances never time out, or re-route, the same offer twice, and a partner's
 * accept (which locks the row) and the sweep exclude each other.
 */
@ApplicationScoped
public class LeadDeadlineSweep {

    private static final Logger LOG = Logger.getLogger(LeadDeadlineSweep.class);
    private static final String SWEEPER = "deadline-sweep";

    @Inject
    EntityManager em;

    @Inject
    LeadService leads;

    @ConfigProperty(name = "consort.campaign.leads.sweep-batch-size", defaultValue = "100")
    int batchSize;

    @Scheduled(every = "${consort.campaign.leads.deadline-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "lead-deadline-sweep")
    void scheduled() {
        sweep();
    }

    /** Sweeps until no due offer is left unclaimed; returns how many offers this caller timed out. */
    public int sweep() {
        int total = 0;
        while (true) {
            List<UUID> done = sweepBatch();
            total += done.size();
            if (done.size() < batchSize) {
                return total;
            }
        }
    }

    /** One batch in one transaction: claims up to batch-size due offers nobody else holds, times each out. */
    public List<UUID> sweepBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            List<UUID> due = NativeQueries.column(em, UUID.class, """
                    select id from leads where state = 'OFFERED' and accept_by <= ?
                    order by accept_by limit ? for update skip locked""", now, batchSize);
            // One load for the batch (rather than one find per lead), handled in the claim's order.
            Map<UUID, Lead> claimed = new HashMap<>();
            if (!due.isEmpty()) {
                for (Lead lead : Lead.<Lead>list("id in ?1", due)) {
                    claimed.put(lead.id, lead);
                }
            }
            for (UUID id : due) {
                Lead lead = claimed.get(id);
                if (lead.isDue(now)) {
                    leads.endOffer(lead, LeadRejected.Outcome.TIMED_OUT, null, SWEEPER, now);
                }
            }
            if (!due.isEmpty()) {
                LOG.debugf("timed out %d offers", due.size());
            }
            return due;
        });
    }
}
