package io.consort.recruitment.prospect;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProspectRepository implements PanacheRepositoryBase<Prospect, UUID> {

    /** The prospect another system knows as {@code externalId}. */
    public Optional<Prospect> findByExternalId(String system, String externalId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(
                "select prospect_id from prospect_external_ids where system = ?1 and external_id = ?2", UUID.class)
                .setParameter(1, system).setParameter(2, externalId).getResultList();
        return ids.isEmpty() ? Optional.empty() : findByIdOptional(ids.get(0));
    }
}
