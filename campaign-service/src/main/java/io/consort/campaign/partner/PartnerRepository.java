package io.consort.campaign.partner;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;

/**
 * The partner view. Entity queries through it are narrowed to the caller's partners by the chassis
 * scope filter on {@link Partner}; event handlers run outside requests and see every row.
 */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    /**
     * The row of {@code partnerId}, created empty when unknown, locked for this transaction: facts about
     * one partner arrive on two topics (and from a rebuild beside the live consumers), and the lock
     * makes each newer-than check and its write one step.
     */
    public Partner lockOrCreate(UUID partnerId, Instant now) {
        getEntityManager().createNativeQuery("insert into partners (id, updated_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, partnerId)
                .setParameter(2, now)
                .executeUpdate();
        return findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Drops the whole view (before a rebuild replays it from the topics). */
    public long clear() {
        return getEntityManager().createNativeQuery("delete from partners").executeUpdate();
    }
}
