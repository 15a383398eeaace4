package io.consort.recruitment.partner;

import io.consort.chassis.persistence.NativeQueries;
import io.consort.chassis.problem.Problems;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every entity query through it is narrowed to the caller's partners by the chassis scope filter on {@link Partner}. */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    /**
     * The id of the partner {@code system} knows as {@code externalId}, whoever may see it (native SQL is
     * not scope-filtered): for uniqueness checks, and as the first step of a scoped lookup.
     */
    public Optional<UUID> idByExternalId(String system, String externalId) {
        List<UUID> ids = NativeQueries.column(getEntityManager(), UUID.class,
                "select partner_id from partner_external_ids where system = ? and external_id = ?", system, externalId);
        return ids.stream().findFirst();
    }

    /** The partner {@code system} knows as {@code externalId}, if the caller may see it. */
    public Optional<Partner> findByExternalId(String system, String externalId) {
        return idByExternalId(system, externalId).flatMap(this::findByIdOptional);
    }

    /** Locks the partner's row until the transaction ends (nothing if it does not exist): writers of one partner take turns. */
    public void lockForWrite(UUID id) {
        getEntityManager().createNativeQuery("select id from partners where id = ?1 for no key update")
                .setParameter(1, id).getResultList();
    }

    /** The partner, or 404 when it does not exist or the caller may not see it (the scope filter applies). */
    public Partner get(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> Problems.notFound("partner", id));
    }

    /** {@link #get}, with the partner's row locked until the transaction ends: its writers take turns. */
    public Partner getLocked(UUID id) {
        lockForWrite(id);
        return get(id);
    }
}
