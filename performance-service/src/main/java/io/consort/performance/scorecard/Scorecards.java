package io.consort.performance.scorecard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Opens and reads scorecards. */
@ApplicationScoped
public class Scorecards {

    @Inject
    EntityManager entityManager;

    private static final Logger LOG = Logger.getLogger(Scorecards.class);

    /**
     * Opens the partner's scorecard at the entry tier, unless it has one: a partner starts onboarding
     * once, so a second start (a replay, or a producer retry under a new event id) changes nothing.
     *
     * @return whether a scorecard was opened
     */
    @Transactional
    public boolean open(UUID partnerId, UUID programId, Instant openedAt) {
        // One statement decides, so two concurrent starts cannot both open one; and native SQL is not
        // narrowed by the caller's partner scope, which must not hide an existing card from this check.
        int opened = entityManager.createNativeQuery("""
                insert into scorecard (id, partner_id, program_id, tier, score, opened_at, updated_at, version)
                values (?1, ?2, ?3, ?4, 0, ?5, ?5, 0)
                on conflict (partner_id) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, partnerId)
                .setParameter(3, programId)
                .setParameter(4, Tier.ENTRY.name())
                .setParameter(5, openedAt.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (opened == 0) {
            LOG.debugf("partner %s already has a scorecard; kept as it is", partnerId);
        }
        return opened == 1;
    }

    public Optional<Scorecard> ofPartner(UUID partnerId) {
        return Scorecard.ofPartner(partnerId);
    }
}
