package io.consort.recruitment.prospect;

import io.consort.chassis.persistence.NativeQueries;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ProspectRepository implements PanacheRepositoryBase<Prospect, UUID> {

    /** The prospect another system knows as {@code externalId}. */
    public Optional<Prospect> findByExternalId(String system, String externalId) {
        List<UUID> ids = NativeQueries.column(getEntityManager(), UUID.class,
                "select prospect_id from prospect_external_ids where system = ? and external_id = ?", system, externalId);
        return ids.isEmpty() ? Optional.empty() : findByIdOptional(ids.get(0));
    }
}
